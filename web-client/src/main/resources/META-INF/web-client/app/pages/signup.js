import { t } from '../i18n.js';
import { h, pageHeading, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { login } from '../session.js';
import { setFlash } from '../router.js';
import { customerNumberField, emailField, newPasswordField, nameFields, phoneField, addressFields, addressBody } from '../account-fields.js';

export const title = () => t('signup.title');

export function render(main, { navigate }) {
  const form = createForm({
    submitLabel: t('signup.submit'),
    fields: [customerNumberField(), emailField(), newPasswordField(), ...nameFields(), phoneField(), ...addressFields('address.')],
    async onSubmit(values) {
      await api.post('/api/auth/signup', {
        customerNumber: values.customerNumber.toUpperCase(), email: values.email, password: values.password,
        firstName: values.firstName, lastName: values.lastName, phone: values.phone, address: addressBody(values),
      });
      await login(values.email, values.password);
      document.dispatchEvent(new CustomEvent('session-changed'));
      setFlash(t('signup.done'));
      await navigate('/', { replace: true });
    },
  });
  add(main, 
    pageHeading(t('signup.title')),
    h('p', { class: 'lead' }, t('signup.intro')),
    form.element,
    h('p', {}, t('signup.existing'), ' ', h('a', { href: '/link' }, t('login.link'))),
  );
}
