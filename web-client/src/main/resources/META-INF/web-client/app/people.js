import { lang } from './i18n.js';

/** Family name first in Japanese, given name first in English. */
export function displayName(person) {
  const first = person.firstName || '';
  const last = person.lastName || '';
  const name = lang() === 'ja' ? `${last} ${first}` : `${first} ${last}`;
  return name.trim() || person.email;
}

/** A path inside this site to go to after logging in; anything else (other sites, //host) is ignored. */
export function safeNext(value) {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
