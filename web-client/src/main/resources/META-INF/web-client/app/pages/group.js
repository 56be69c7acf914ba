import { t } from '../i18n.js';
import { h, pageHeading, problemBox, statusLine, noticeBox, definitionList, busy, add, replace } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';

export const title = () => t('group.title');

export async function render(main, { params, flash, user }) {
  const status = statusLine(t('common.loading'));
  add(main, pageHeading(t('group.title')), status);
  let group;
  try {
    group = await api.get(`/api/v1/groups/${encodeURIComponent(params.id)}`);
  } catch (error) {
    status.replaceWith(problemBox(error));
    return;
  }
  status.remove();
  const view = h('div');
  add(main, view);
  show(view, group, flash, user);
  main.querySelector('h1').textContent = group.name;
  document.title = `${group.name} | ${t('layout.brand')}`;
}

function show(view, group, flash, user) {
  const manages = group.role === 'owner' || group.role === 'admin';
  const result = h('div');
  replace(view, 
    flash ? noticeBox(flash) : null,
    result,
    definitionList([
      [t('groups.role'), t(`groups.roles.${group.role}`)],
      [t('groups.subscription'), group.subscription_id ? t('groups.bound') : t('groups.unbound')],
    ]),
    h('p', {}, h('a', { href: `/wishlists?group_id=${group.id}` }, t('group.wishlists'))),
    subscriptionSection(view, group, user),
    membersSection(view, group, manages, user));
}

function subscriptionSection(view, group, user) {
  const section = h('section', { 'aria-labelledby': 'subscription-heading' }, h('h2', { id: 'subscription-heading' }, t('group.subscriptionTitle')),
    h('p', {}, group.subscription_id ? t('group.subscriptionBound') : t('group.subscriptionMissing')));
  if (group.role !== 'owner') {
    add(section, h('p', { class: 'hint' }, t('group.ownerOnly')));
    return section;
  }
  const form = createForm({
    submitLabel: group.subscription_id ? t('group.rebind') : t('group.bind'),
    fields: [{ name: 'stripe_subscription_id', label: t('fields.subscriptionId'), required: true,
      pattern: /^sub_[A-Za-z0-9_]{1,200}$/, hint: t('hints.subscriptionId'), invalid: t('invalid.subscriptionId'), autocomplete: 'off' }],
    async onSubmit(values) {
      const updated = await api.put(`/api/v1/groups/${group.id}/subscription`, values);
      show(view, { ...group, ...updated, members: group.members }, t('group.boundDone'), user);
      view.querySelector('[role=status]')?.setAttribute('tabindex', '-1');
      view.querySelector('[role=status]')?.focus();
    },
  });
  add(section, form.element);
  return section;
}

function membersSection(view, group, manages, user) {
  const problem = h('div');
  const rows = (group.members || []).map((member) => {
    const canRemove = manages && member.role !== 'owner' && (group.role === 'owner' || member.role === 'member');
    const remove = canRemove ? h('button', { type: 'button', class: 'button-link danger',
      'aria-label': t('group.removeMember', { id: member.user_id }) }, t('common.remove')) : null;
    remove?.addEventListener('click', () => busy(remove, async () => {
      problem.replaceChildren();
      try {
        const updated = await api.delete(`/api/v1/groups/${group.id}/members/${encodeURIComponent(member.user_id)}`);
        show(view, { ...group, ...updated }, t('group.memberRemoved'), user);
      } catch (error) {
        problem.replaceChildren(problemBox(error));
      }
    }));
    return h('tr', {},
      h('td', {}, h('code', { class: 'user-id' }, member.user_id), member.user_id === user.id ? ` ${t('group.you')}` : ''),
      h('td', {}, t(`groups.roles.${member.role}`)),
      h('td', {}, remove));
  });
  const section = h('section', { 'aria-labelledby': 'members-heading' },
    h('h2', { id: 'members-heading' }, t('group.members')), problem,
    h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, t('group.members')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('fields.userId')), h('th', { scope: 'col' }, t('groups.role')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('common.actions'))))),
      h('tbody', {}, rows)));
  if (manages) {
    const roles = group.role === 'owner' ? ['member', 'admin'] : ['member'];
    const form = createForm({
      submitLabel: t('group.addMember'),
      fields: [
        { name: 'user_id', label: t('fields.userId'), required: true, maxLength: 200, hint: t('hints.userId'), autocomplete: 'off' },
        { name: 'role', label: t('groups.role'), type: 'select', value: 'member', options: roles.map((role) => ({ value: role, label: t(`groups.roles.${role}`) })) },
      ],
      async onSubmit(values) {
        const updated = await api.post(`/api/v1/groups/${group.id}/members`, values);
        show(view, { ...group, ...updated }, t('group.memberAdded'), user);
      },
    });
    add(section, h('h3', {}, t('group.addMember')), form.element);
  }
  return section;
}
