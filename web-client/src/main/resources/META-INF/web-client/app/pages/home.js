import { t } from '../i18n.js';
import { h, pageHeading, noticeBox, definitionList, add } from '../ui.js';
import { navRoutes } from '../router.js';
import { displayName } from '../people.js';

export const title = () => t('home.title');

export function render(main, { user, flash }) {
  add(main, 
    pageHeading(t('home.title')),
    flash ? noticeBox(flash) : null,
    h('p', { class: 'lead' }, t('home.greeting', { name: displayName(user) })),
    definitionList([
      [t('fields.email'), user.email],
      [t('home.account'), user.linked ? t('home.linked', { id: user.whmcsClientId }) : t('home.notLinked')],
    ]),
    h('h2', {}, t('home.sections')),
    h('ul', { class: 'cards' }, navRoutes().filter((route) => route.path !== '/').map((route) =>
      h('li', {}, h('a', { href: route.path, class: 'card' },
        h('span', { class: 'card-title' }, t(route.nav)),
        h('span', { class: 'card-text' }, t(`home.about.${route.page}`)))))),
  );
}
