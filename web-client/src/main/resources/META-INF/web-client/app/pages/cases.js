import { t, formatDateTime } from '../i18n.js';
import { h, pageHeading, loadInto, noticeBox, add } from '../ui.js';
import { api } from '../api.js';
import { caseStatusLabel, categoryLabel } from '../case-labels.js';

const PER_PAGE = 20;
const FILTERS = ['open', 'closed'];

export const title = () => t('cases.title');

export async function render(main, { query, flash }) {
  const status = FILTERS.includes(query.get('status')) ? query.get('status') : null;
  const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);
  const results = h('div', { id: 'cases-results' });
  add(main,
    pageHeading(t('cases.title')),
    flash ? noticeBox(flash) : null,
    h('p', {}, h('a', { href: '/cases/new', class: 'button-primary button-as-link' }, t('cases.new'))),
    h('nav', { 'aria-label': t('cases.filter'), class: 'filters' }, h('ul', { class: 'segmented' },
      [null, ...FILTERS].map((filter) => h('li', {}, h('a', {
        href: filter ? `/cases?status=${filter}` : '/cases',
        'aria-current': filter === status ? 'page' : undefined,
      }, t(`cases.filters.${filter || 'all'}`)))))),
    results);
  await loadInto(results, () => api.get('/api/cases', { query: { status, page, size: PER_PAGE } }), (answer) => list(answer, status));
}

function list({ cases, page, size, total }, status) {
  if (!cases.length) return h('p', {}, t('cases.none'));
  const last = Math.max(1, Math.ceil(total / size));
  const pageLink = (number, label, rel) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    params.set('page', number);
    return h('a', { href: `/cases?${params}`, rel }, label);
  };
  return [
    h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, t('cases.title')),
      h('thead', {}, h('tr', {}, ['cases.subject', 'cases.number', 'cases.status', 'cases.category', 'cases.updated']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, cases.map((item) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/cases/${encodeURIComponent(item.id)}` }, item.subject)),
        h('td', {}, item.caseNumber),
        h('td', {}, h('span', { class: `badge ${item.open ? 'tone-info' : 'tone-ok'}` }, caseStatusLabel(item.status))),
        h('td', {}, categoryLabel(item.category)),
        h('td', {}, formatDateTime(item.updatedAt)))))),
    last > 1 ? h('nav', { class: 'pagination', 'aria-label': t('wishlists.pages') },
      page > 1 ? pageLink(page - 1, t('wishlists.previous'), 'prev') : null,
      h('span', {}, t('wishlists.pageOf', { page, last, total })),
      page < last ? pageLink(page + 1, t('wishlists.next'), 'next') : null) : null,
  ];
}
