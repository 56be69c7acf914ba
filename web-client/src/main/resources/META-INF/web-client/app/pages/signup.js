import { t } from '../i18n.js';
import { h, pageHeading, noticeBox, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { login } from '../session.js';
import { setFlash } from '../router.js';
import { CUSTOMER_NUMBER, codeField, customerNumberField, emailField, newPasswordField, nameFields, phoneField, addressFields,
  addressBody } from '../account-fields.js';

export const title = () => t('signup.title');

// Three steps: a code to the email on file for the customer number (it proves the number is the customer's), the
// details with that code, and, when the signup email is another address, the code mailed to that address.
export function render(main, { navigate }) {
  const sent = h('div', { tabindex: '-1' });
  const codeForm = createForm({
    submitLabel: t('signup.sendCode'),
    fields: [customerNumberField()],
    async onSubmit({ customerNumber }) {
      await api.post('/api/auth/signup/ownership-code', { customerNumber: customerNumber.toUpperCase() });
      sent.replaceChildren(noticeBox(t('signup.codeSent', { number: customerNumber.toUpperCase() })));
      sent.focus();
    },
  });
  const details = h('div');
  const detailsForm = createForm({
    submitLabel: t('signup.submit'),
    fields: [codeField('ownershipCode', t('fields.ownershipCode'), t('hints.ownershipCode')), emailField(), newPasswordField(),
      ...nameFields(), phoneField(), ...addressFields('address.')],
    async onSubmit(values) {
      const customerNumber = codeForm.values().customerNumber.toUpperCase();
      if (!CUSTOMER_NUMBER.test(customerNumber)) {
        codeForm.showFieldErrors([{ name: 'customerNumber', message: customerNumber ? t('invalid.customerNumber') : t('form.required') }]);
        return;
      }
      const answer = await api.post('/api/auth/signup', {
        customerNumber, ownershipCode: values.ownershipCode, email: values.email, password: values.password,
        firstName: values.firstName, lastName: values.lastName, phone: values.phone, address: addressBody(values),
      });
      if (answer && answer.status === 'email-confirmation-required') {
        confirmEmail(customerNumber, values.email, values.password);
        return;
      }
      await finish(values.email, values.password);
    },
  });
  details.append(h('p', {}, t('signup.details')), detailsForm.element);

  function confirmEmail(customerNumber, email, password) {
    const notice = h('div', { tabindex: '-1' }, noticeBox(t('signup.emailCodeSent', { email })));
    const form = createForm({
      submitLabel: t('signup.confirm'),
      fields: [codeField('emailCode', t('fields.emailCode'), t('hints.emailCode'))],
      async onSubmit({ emailCode }) {
        await api.post('/api/auth/signup/confirm', { customerNumber, email, emailCode });
        await finish(email, password);
      },
    });
    details.replaceChildren(notice, form.element);
    notice.focus();
  }

  async function finish(email, password) {
    await login(email, password);
    document.dispatchEvent(new CustomEvent('session-changed'));
    setFlash(t('signup.done'));
    await navigate('/', { replace: true });
  }

  add(main,
    pageHeading(t('signup.title')),
    h('p', { class: 'lead' }, t('signup.intro')),
    codeForm.element,
    sent,
    details,
    h('p', {}, t('signup.existing'), ' ', h('a', { href: '/link' }, t('login.link'))),
  );
}
