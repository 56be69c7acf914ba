import { t } from '../i18n.js';
import { h, pageHeading, successBox, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { emailField } from '../account-fields.js';

export const title = () => t('forgot.title');

export function render(main) {
  const done = h('div');
  const form = createForm({
    submitLabel: t('forgot.submit'),
    fields: [emailField('username')],
    async onSubmit({ email }) {
      await api.post('/api/auth/password-reset/request', { email });
      // the same answer whether the address has an account or not
      done.replaceChildren(successBox(t('forgot.sent', { email })));
      form.element.hidden = true;
      done.querySelector('[role=status]').setAttribute('tabindex', '-1');
      done.querySelector('[role=status]').focus();
    },
  });
  add(main, pageHeading(t('forgot.title')), h('p', { class: 'lead' }, t('forgot.intro')), done, form.element,
    h('p', {}, h('a', { href: '/login' }, t('forgot.back'))));
}
