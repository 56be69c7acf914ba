import { t } from '../i18n.js';
import { h, pageHeading, loadInto, noticeBox, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { setFlash } from '../router.js';

export const title = () => t('groups.title');

export async function render(main, { navigate, flash }) {
  const list = h('div');
  const form = createForm({
    submitLabel: t('groups.create'),
    fields: [{ name: 'name', label: t('fields.groupName'), required: true, maxLength: 200, invalid: t('invalid.groupName') }],
    async onSubmit({ name }) {
      const group = await api.post('/api/v1/groups', { name });
      setFlash(t('groups.created', { name: group.name }));
      await navigate(`/groups/${group.id}`);
    },
  });
  add(main, 
    pageHeading(t('groups.title')),
    flash ? noticeBox(flash) : null,
    h('p', { class: 'lead' }, t('groups.intro')),
    h('section', { 'aria-labelledby': 'groups-list' }, h('h2', { id: 'groups-list' }, t('groups.yours')), list),
    h('section', { 'aria-labelledby': 'groups-new' }, h('h2', { id: 'groups-new' }, t('groups.new')), form.element));
  await loadInto(list, () => api.get('/api/v1/groups'), ({ data }) => {
    if (!data.length) return h('p', {}, t('groups.none'));
    return h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, t('groups.yours')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('fields.groupName')), h('th', { scope: 'col' }, t('groups.role')),
        h('th', { scope: 'col' }, t('groups.subscription')))),
      h('tbody', {}, data.map((group) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/groups/${group.id}` }, group.name)),
        h('td', {}, t(`groups.roles.${group.role}`)),
        h('td', {}, group.subscription_id ? t('groups.bound') : t('groups.unbound'))))));
  });
}
