import { t } from '../i18n.js';
import { h, pageHeading, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { forget } from '../session.js';
import { setFlash } from '../router.js';
import { newPasswordField } from '../account-fields.js';

export const title = () => t('reset.title');

export function render(main, { query, navigate }) {
  const token = query.get('token');
  add(main, pageHeading(t('reset.title')));
  if (!token) {
    add(main, h('div', { class: 'alert alert-error', role: 'alert' }, t('reset.noToken')),
      h('p', {}, h('a', { href: '/forgot-password' }, t('reset.requestAgain'))));
    return;
  }
  const form = createForm({
    submitLabel: t('reset.submit'),
    fields: [
      newPasswordField(),
      { name: 'confirm', label: t('fields.confirmPassword'), type: 'password', required: true, autocomplete: 'new-password',
        validate: (value) => (value === form.values().password ? null : t('invalid.confirm')) },
    ],
    async onSubmit({ password }) {
      await api.post('/api/auth/password-reset/confirm', { token, password });
      // a reset ends every session, this browser's included
      forget();
      document.dispatchEvent(new CustomEvent('session-changed'));
      setFlash(t('reset.done'));
      await navigate('/login', { replace: true });
    },
  });
  add(main, h('p', { class: 'lead' }, t('reset.intro')), form.element,
    h('p', {}, h('a', { href: '/forgot-password' }, t('reset.requestAgain'))));
}
