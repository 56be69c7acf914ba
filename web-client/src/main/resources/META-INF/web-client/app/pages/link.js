import { t } from '../i18n.js';
import { h, pageHeading, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { login } from '../session.js';
import { setFlash } from '../router.js';
import { customerNumberField, emailField, newPasswordField } from '../account-fields.js';

export const title = () => t('link.title');

export function render(main, { navigate }) {
  const form = createForm({
    submitLabel: t('link.submit'),
    fields: [
      customerNumberField(),
      emailField(),
      { name: 'whmcsPassword', label: t('fields.billingPassword'), type: 'password', required: true, maxLength: 128,
        autocomplete: 'current-password', hint: t('hints.billingPassword') },
      newPasswordField('password', t('fields.portalPassword')),
    ],
    async onSubmit(values) {
      await api.post('/api/auth/link', {
        customerNumber: values.customerNumber.toUpperCase(), email: values.email,
        whmcsPassword: values.whmcsPassword, password: values.password,
      });
      await login(values.email, values.password);
      document.dispatchEvent(new CustomEvent('session-changed'));
      setFlash(t('link.done'));
      await navigate('/', { replace: true });
    },
  });
  add(main, pageHeading(t('link.title')), h('p', { class: 'lead' }, t('link.intro')), form.element,
    h('p', {}, t('link.new'), ' ', h('a', { href: '/signup' }, t('login.signup'))));
}
