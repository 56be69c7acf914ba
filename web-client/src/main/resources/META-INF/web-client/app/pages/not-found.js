import { t } from '../i18n.js';
import { h, pageHeading } from '../ui.js';

export const title = () => t('notFound.title');

export function render(main) {
  main.append(pageHeading(t('notFound.title')), h('p', {}, t('notFound.text')), h('p', {}, h('a', { href: '/' }, t('notFound.home'))));
}
