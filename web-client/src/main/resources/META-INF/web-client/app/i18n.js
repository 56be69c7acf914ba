// Dictionaries for ja (the default, as for the portal's customers) and en; the choice is kept in localStorage
// (a preference, never a secret) and mirrored on <html lang>. The dictionaries are most of the client's weight: ja
// comes with the client (a static import the shell preloads), en only when someone reads English. (ja loaded by a
// dynamic import() racing the shell's modulepreload of it sometimes never settled in Chromium.)
import ja from './i18n/ja.js';

const loaders = { ja: async () => ({ default: ja }), en: () => import('./i18n/en.js') };
const dictionaries = { ja };
const STORAGE_KEY = 'portal.lang';
let current = initial();

function initial() {
  const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
  return stored in loaders ? stored : 'ja';
}

/** Loads the dictionary of the language in use; the client awaits it before it renders anything. */
export async function loadLanguage(language = current) {
  dictionaries[language] ??= (await loaders[language]()).default;
}

function safeStorage(read) {
  try {
    return read();
  } catch {
    return null; // storage disabled: the default language, nothing remembered
  }
}

export function lang() {
  return current;
}

export async function setLang(next) {
  if (!(next in loaders)) return;
  await loadLanguage(next);
  current = next;
  safeStorage(() => localStorage.setItem(STORAGE_KEY, next));
  document.documentElement.lang = next;
}

/** The text for a key, with {name} placeholders filled; a missing key shows itself (and is caught by the tests). */
export function t(key, params = {}) {
  const text = lookup(dictionaries[current], key) ?? lookup(ja, key);
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Whether a key exists, for optional texts such as a problem code's own message. */
export function has(key) {
  return typeof lookup(dictionaries[current], key) === 'string';
}

function lookup(dictionary, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), dictionary);
}

export function formatPrice(amount, currency) {
  return new Intl.NumberFormat(current === 'ja' ? 'ja-JP' : 'en-JP', { style: 'currency', currency }).format(amount);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(iso));
}
