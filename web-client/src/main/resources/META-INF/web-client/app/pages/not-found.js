import { t } from '../i18n.js';
import { h, pageHeading, add } from '../ui.js';

export const title = () => t('notFound.title');

export function render(main) {
  add(main, pageHeading(t('notFound.title')), h('p', {}, t('notFound.text')), h('p', {}, h('a', { href: '/' }, t('notFound.home'))));
}
