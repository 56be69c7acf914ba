import { t } from '../i18n.js';
import { h, pageHeading, noticeBox, add } from '../ui.js';
import { createForm } from '../forms.js';
import { login } from '../session.js';
import { safeNext } from '../people.js';

export const title = () => t('login.title');

export function render(main, { query, navigate, flash }) {
  const form = createForm({
    submitLabel: t('login.submit'),
    fields: [
      { name: 'email', label: t('fields.email'), type: 'email', required: true, autocomplete: 'username', maxLength: 254 },
      { name: 'password', label: t('fields.password'), type: 'password', required: true, autocomplete: 'current-password', maxLength: 128 },
    ],
    async onSubmit({ email, password }) {
      await login(email, password);
      document.dispatchEvent(new CustomEvent('session-changed'));
      await navigate(safeNext(query.get('next')), { replace: true });
    },
  });
  add(main, 
    pageHeading(t('login.title')),
    flash ? noticeBox(flash) : null,
    form.element,
    h('ul', { class: 'links' },
      h('li', {}, h('a', { href: '/forgot-password' }, t('login.forgot'))),
      h('li', {}, h('a', { href: '/signup' }, t('login.signup'))),
      h('li', {}, h('a', { href: '/link' }, t('login.link')))),
  );
}
