import { t } from '../i18n.js';
import { h, pageHeading, successBox, problemBox, statusLine, definitionList, busy, noticeBox, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api, ApiError } from '../api.js';
import { forget } from '../session.js';
import { setFlash } from '../router.js';
import { nameFields, phoneField, addressFields, addressBody, emailField, newPasswordField } from '../account-fields.js';

export const title = () => t('profile.title');

export async function render(main, { user, navigate, flash }) {
  const profileSection = h('section', { 'aria-labelledby': 'profile-heading' }, h('h2', { id: 'profile-heading' }, t('profile.details')));
  const addressSection = h('section', { 'aria-labelledby': 'address-heading' }, h('h2', { id: 'address-heading' }, t('profile.address')));
  add(main, 
    pageHeading(t('profile.title')),
    flash ? noticeBox(flash) : null,
    h('section', { 'aria-labelledby': 'account-heading' },
      h('h2', { id: 'account-heading' }, t('profile.account')),
      definitionList([
        [t('fields.email'), user.email],
        [t('profile.userId'), h('code', { class: 'user-id' }, user.id)],
      ]),
      h('p', { class: 'hint' }, t('profile.userIdHint'))),
    profileSection, addressSection, passwordSection(), emailSection(), sessionsSection(navigate));

  const loading = statusLine(t('common.loading'));
  add(profileSection, loading);
  add(addressSection, statusLine(t('common.loading')));
  const [profile, address] = await Promise.allSettled([api.get('/api/me/profile'), api.get('/api/me/address')]);
  loading.remove();
  addressSection.querySelector('.status').remove();

  if (profile.status === 'rejected') {
    add(profileSection, problemBox(profile.reason));
  } else {
    add(profileSection, profileForm(profile.value));
  }
  if (address.status === 'rejected') {
    // an unlinked account has neither; say it once
    if (!(address.reason instanceof ApiError && address.reason.code === 'account-not-linked' && profile.status === 'rejected')) {
      add(addressSection, problemBox(address.reason));
    } else {
      addressSection.remove();
    }
  } else {
    add(addressSection, addressForm(address.value));
  }
}

function profileForm(profile) {
  const result = h('div');
  const fields = nameFields().map((field) => ({ ...field, value: profile[field.name] }));
  const form = createForm({
    submitLabel: t('common.save'),
    fields: [
      ...fields,
      { ...phoneField(), value: profile.phone },
      { name: 'companyName', label: t('fields.companyName'), maxLength: 100, autocomplete: 'organization', value: profile.companyName, hint: t('hints.companyName') },
    ],
    async onSubmit(values) {
      result.replaceChildren();
      await api.patch('/api/me/profile', values);
      result.replaceChildren(successBox(t('profile.saved')));
    },
  });
  return [result, form.element];
}

function addressForm(address) {
  const result = h('div');
  const form = createForm({
    submitLabel: t('common.save'),
    fields: addressFields('', address),
    async onSubmit(values) {
      result.replaceChildren();
      await api.put('/api/me/address', addressBody(values));
      result.replaceChildren(successBox(t('profile.addressSaved')));
    },
  });
  return [result, form.element];
}

/** The current password proves it is the owner; the other devices are logged out, this one stays. */
function passwordSection() {
  const result = h('div');
  const form = createForm({
    submitLabel: t('profile.changePassword'),
    fields: [
      { name: 'currentPassword', label: t('fields.currentPassword'), type: 'password', required: true, maxLength: 128,
        autocomplete: 'current-password' },
      newPasswordField('newPassword'),
    ],
    async onSubmit({ currentPassword, newPassword }) {
      result.replaceChildren();
      await api.post('/api/me/password', { currentPassword, newPassword });
      form.control('currentPassword').input.value = '';
      form.control('newPassword').input.value = '';
      result.replaceChildren(successBox(t('profile.passwordChanged')));
    },
  });
  return h('section', { 'aria-labelledby': 'password-heading' }, h('h2', { id: 'password-heading' }, t('profile.password')),
    result, form.element);
}

/** Nothing changes until the link mailed to the new address is opened (page confirm-email). */
function emailSection() {
  const result = h('div');
  const form = createForm({
    submitLabel: t('profile.changeEmail'),
    fields: [
      { ...emailField('email'), name: 'newEmail', label: t('fields.newEmail'), hint: t('profile.emailHint') },
      { name: 'currentPassword', label: t('fields.currentPassword'), type: 'password', required: true, maxLength: 128,
        autocomplete: 'current-password' },
    ],
    async onSubmit({ newEmail, currentPassword }) {
      result.replaceChildren();
      await api.post('/api/me/email', { newEmail, currentPassword });
      form.control('currentPassword').input.value = '';
      result.replaceChildren(successBox(t('profile.emailRequested', { email: newEmail })));
    },
  });
  return h('section', { 'aria-labelledby': 'email-heading' }, h('h2', { id: 'email-heading' }, t('profile.email')),
    result, form.element);
}

function sessionsSection(navigate) {
  const problem = h('div');
  const button = h('button', { type: 'button', class: 'button-secondary' }, t('profile.revokeAll'));
  button.addEventListener('click', () => busy(button, async () => {
    problem.replaceChildren();
    try {
      await api.post('/api/me/sessions/revoke', undefined);
      forget();
      document.dispatchEvent(new CustomEvent('session-changed'));
      setFlash(t('profile.revoked'));
      await navigate('/login', { replace: true });
    } catch (error) {
      problem.replaceChildren(problemBox(error));
    }
  }));
  return h('section', { 'aria-labelledby': 'sessions-heading' },
    h('h2', { id: 'sessions-heading' }, t('profile.sessions')),
    h('p', {}, t('profile.revokeAllHint')), problem, button);
}
