// Small DOM helpers. Text always goes in as text nodes (never innerHTML), so API data cannot inject markup.
import { t, has } from './i18n.js';

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A page heading that takes focus after navigation, so screen readers and keyboards start at the new content. */
export function pageHeading(text) {
  return h('h1', { tabindex: '-1', class: 'page-title' }, text);
}

export function announce(text) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // a new node each time so that the same message is read again
  setTimeout(() => { region.textContent = text; }, 50);
}

/** A polite status line for loading and results inside a section. */
export function statusLine(text = '') {
  return h('p', { class: 'status', role: 'status' }, text);
}

/**
 * Runs an action with its button busy: disabled, aria-busy, a spinner, and after a few seconds a "still working"
 * note, so slow upstream calls show progress instead of a frozen page.
 */
export async function busy(button, action) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.classList.add('is-busy');
  const slow = setTimeout(() => { button.textContent = t('common.stillWorking'); }, 3000);
  try {
    return await action();
  } finally {
    clearTimeout(slow);
    button.textContent = label;
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.classList.remove('is-busy');
  }
}

/** The user's-language message for an API failure: the code's own text, else one for the status. */
export function problemMessage(error) {
  if (!error || typeof error.status !== 'number') return t('problem.unexpected');
  const code = error.code;
  const params = { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)), seconds: error.retryAfter ?? 60 };
  let text;
  if (code && has(`problem.${code}`)) {
    text = t(`problem.${code}`, params);
  } else if (error.status === 0) {
    text = t('problem.network');
  } else if (has(`status.${error.status}`)) {
    text = t(`status.${error.status}`, params);
  } else {
    text = error.status >= 500 ? t('status.500') : t('problem.unexpected');
  }
  if (error.status >= 500 && error.requestId) {
    text += ' ' + t('problem.quoteRequestId', { id: error.requestId });
  }
  return text;
}

/** A block that shows one API failure; role=alert so it is read at once. */
export function problemBox(error) {
  return h('div', { class: 'alert alert-error', role: 'alert' }, problemMessage(error));
}

export function successBox(text) {
  return h('div', { class: 'alert alert-success', role: 'status' }, text);
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** A section that loads its content: a loading line, then what render returns, or the failure. */
export async function loadInto(container, load, render) {
  container.replaceChildren(statusLine(t('common.loading')));
  container.setAttribute('aria-busy', 'true');
  try {
    const data = await load();
    replace(container, render(data));
  } catch (error) {
    container.replaceChildren(problemBox(error));
  } finally {
    container.removeAttribute('aria-busy');
  }
}

export function link(href, text, attributes = {}) {
  return h('a', { href, ...attributes }, text);
}

export function definitionList(rows) {
  return h('dl', { class: 'facts' }, rows.filter(Boolean).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A message carried over from the previous page (logged out, session expired, saved). */
export function noticeBox(text) {
  return h('div', { class: 'alert alert-info', role: 'status' }, text);
}

/** append() that skips null/false and flattens arrays (Element.append would print "null"). */
export function add(parent, ...children) {
  append(parent, children);
  return parent;
}

export function replace(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}
