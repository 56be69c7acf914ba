import { t } from '../i18n.js';
import { h, pageHeading, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { forget } from '../session.js';
import { setFlash } from '../router.js';

export const title = () => t('confirmEmail.title');

// The link mailed to a new email address: opening it (and pressing the button) makes the change.
export function render(main, { query, navigate }) {
  const token = query.get('token');
  add(main, pageHeading(t('confirmEmail.title')));
  if (!token) {
    add(main, h('div', { class: 'alert alert-error', role: 'alert' }, t('confirmEmail.noToken')));
    return;
  }
  const form = createForm({
    submitLabel: t('confirmEmail.submit'),
    fields: [],
    async onSubmit() {
      await api.post('/api/auth/email-change/confirm', { token });
      // the session's token still names the old address: log in again with the new one
      forget();
      document.dispatchEvent(new CustomEvent('session-changed'));
      setFlash(t('confirmEmail.done'));
      await navigate('/login', { replace: true });
    },
  });
  add(main, h('p', { class: 'lead' }, t('confirmEmail.intro')), form.element);
}
