import { t, formatDateTime } from '../i18n.js';
import { h, pageHeading, problemBox, statusLine, noticeBox, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { setFlash } from '../router.js';
import { productsField, linesField, toProducts, listServerNames, statusLabel, FREQUENCIES } from '../wishlist-fields.js';

const PER_PAGE = 10;
const STATUS_FILTERS = ['', '1', '0', '3'];

export const title = () => t('wishlists.title');

export async function render(main, { query, navigate, flash }) {
  const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);
  const status = STATUS_FILTERS.includes(query.get('status') || '') ? (query.get('status') || '') : '';
  const groupId = /^\d+$/.test(query.get('group_id') || '') ? query.get('group_id') : '';
  const convert = /^\d+$/.test(query.get('convert') || '') ? query.get('convert') : '';
  const loading = statusLine(t('common.loading'));
  add(main, pageHeading(t('wishlists.title')), flash ? noticeBox(flash) : null, loading);

  const [groups, temps, list] = await Promise.allSettled([
    api.get('/api/v1/groups'),
    api.get('/api/v1/temp-wishlists'),
    api.get('/api/v1/wishlist-to-group', { query: { page, per_page: PER_PAGE, status: status || undefined, group_id: groupId || undefined } }),
  ]);
  loading.remove();
  if (groups.status === 'rejected') {
    add(main, problemBox(groups.reason));
    return;
  }
  const groupList = groups.value.data;
  if (!groupList.length) {
    add(main, h('p', {}, t('wishlists.noGroups')), h('p', {}, h('a', { href: '/groups' }, t('wishlists.createGroup'))));
    return;
  }
  const groupNames = new Map(groupList.map((group) => [group.id, group.name]));
  add(main, 
    filters(groupList, status, groupId, navigate),
    h('section', { 'aria-labelledby': 'wishlists-list' }, h('h2', { id: 'wishlists-list' }, t('wishlists.list')),
      list.status === 'rejected' ? problemBox(list.reason) : table(list.value, groupNames, { status, groupId })),
    createSection(groupList, temps.status === 'fulfilled' ? temps.value.data.filter((temp) => temp.status === 'open') : [],
      groupId, convert, navigate));
}

function filters(groups, status, groupId, navigate) {
  const statusSelect = h('select', { id: 'filter-status', name: 'status' }, STATUS_FILTERS.map((value) =>
    h('option', { value, selected: value === status }, value === '' ? t('wishlists.filterOpen') : statusLabel(Number(value)))));
  const groupSelect = h('select', { id: 'filter-group', name: 'group_id' },
    h('option', { value: '' }, t('wishlists.allGroups')),
    groups.map((group) => h('option', { value: group.id, selected: String(group.id) === groupId }, group.name)));
  const form = h('form', { class: 'filters-form', role: 'search', 'aria-label': t('wishlists.filters') },
    h('div', { class: 'field' }, h('label', { for: 'filter-status' }, t('wishlists.status')), statusSelect),
    h('div', { class: 'field' }, h('label', { for: 'filter-group' }, t('wishlists.group')), groupSelect),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button-secondary' }, t('wishlists.apply'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (statusSelect.value) params.set('status', statusSelect.value);
    if (groupSelect.value) params.set('group_id', groupSelect.value);
    navigate(`/wishlists${params.size ? `?${params}` : ''}`);
  });
  return form;
}

function table({ data, meta }, groupNames, { status, groupId }) {
  if (!data.length) return h('p', {}, t('wishlists.none'));
  const pageLink = (number, label, rel) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (groupId) params.set('group_id', groupId);
    params.set('page', number);
    return h('a', { href: `/wishlists?${params}`, rel }, label);
  };
  return [
    h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, t('wishlists.list')),
      h('thead', {}, h('tr', {}, ['fields.wishlistName', 'wishlists.group', 'wishlists.status', 'wishlists.products', 'wishlists.updated']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, data.map((wishlist) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/wishlists/${encodeURIComponent(wishlist.slug)}` }, wishlist.name)),
        h('td', {}, groupNames.get(wishlist.group_id) || String(wishlist.group_id)),
        h('td', {}, h('span', { class: `badge status-${wishlist.status}` }, statusLabel(wishlist.status))),
        h('td', { class: 'number' }, String(wishlist.summary?.product_count ?? 0)),
        h('td', {}, formatDateTime(wishlist.updated_at)))))),
    h('nav', { class: 'pagination', 'aria-label': t('wishlists.pages') },
      meta.current_page > 1 ? pageLink(meta.current_page - 1, t('wishlists.previous'), 'prev') : null,
      h('span', {}, t('wishlists.pageOf', { page: meta.current_page, last: meta.last_page, total: meta.total })),
      meta.current_page < meta.last_page ? pageLink(meta.current_page + 1, t('wishlists.next'), 'next') : null),
  ];
}

function createSection(groups, openTemps, groupId, convert, navigate) {
  const form = createForm({
    submitLabel: t('wishlists.create'),
    fields: [
      { name: 'group_id', label: t('wishlists.group'), type: 'select', required: true, value: groupId || groups[0].id,
        options: groups.map((group) => ({ value: group.id, label: group.name })) },
      { name: 'temp_wishlist_id', label: t('fields.convertFrom'), type: 'select', value: convert, hint: t('hints.convertFrom'),
        options: [{ value: '', label: t('wishlists.manual') }, ...openTemps.map((temp) => ({ value: temp.id, label: temp.name }))] },
      { name: 'name', label: t('fields.wishlistName'), maxLength: 200, hint: t('hints.wishlistName'), invalid: t('invalid.wishlistName') },
      { name: 'description', label: t('fields.description'), type: 'textarea', maxLength: 2000, invalid: t('invalid.description') },
      { name: 'status', label: t('wishlists.status'), type: 'select', value: '1',
        options: [{ value: '1', label: statusLabel(1) }, { value: '0', label: statusLabel(0) }] },
      { ...productsField([]), serverNames: listServerNames('products') },
      linesField('categories', [], 100),
      linesField('search_queries', [], 500),
      { name: 'frequency', label: t('fields.frequency'), type: 'select', value: 'none', serverNames: ['schedule.frequency', 'schedule'],
        options: FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`wishlist.frequency.${frequency}`) })) },
    ],
    async onSubmit(values) {
      if (!values.temp_wishlist_id && !values.name) {
        form.showFieldErrors([{ name: 'name', message: t('invalid.nameOrConvert') }]);
        return;
      }
      const body = { group_id: Number(values.group_id), status: Number(values.status) };
      if (values.temp_wishlist_id) body.temp_wishlist_id = Number(values.temp_wishlist_id);
      if (values.name) body.name = values.name;
      if (values.description) body.description = values.description;
      if (values.products.length) body.products = toProducts(values.products);
      if (values.categories.length) body.categories = values.categories;
      if (values.search_queries.length) body.search_queries = values.search_queries;
      if (values.frequency !== 'none') body.schedule = { frequency: values.frequency };
      const created = await api.post('/api/v1/wishlist-to-group', body);
      setFlash(t('wishlists.created', { name: created.name }));
      await navigate(`/wishlists/${encodeURIComponent(created.slug)}`);
    },
  });
  const section = h('section', { id: 'create', 'aria-labelledby': 'wishlists-new' }, h('h2', { id: 'wishlists-new' }, t('wishlists.new')),
    h('p', { class: 'hint' }, t('wishlists.quotaHint')), form.element);
  if (convert) queueMicrotask(() => form.control('name').input.focus());
  return section;
}
