import { t, formatPrice, formatDateTime } from '../i18n.js';
import { h, pageHeading, loadInto, noticeBox, add } from '../ui.js';
import { api } from '../api.js';
import { orderStatusLabel, activationLabel, activationTone } from '../order-labels.js';

const PER_PAGE = 20;

export const title = () => t('orders.title');

export async function render(main, { query, flash }) {
  const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);
  const results = h('div', { id: 'orders-results' });
  add(main, pageHeading(t('orders.title')), flash ? noticeBox(flash) : null, results);
  await loadInto(results, () => api.get('/api/orders', { query: { page, size: PER_PAGE } }), (answer) => list(answer));
}

function list({ orders, page, size, total }) {
  if (!orders.length) {
    return [h('p', {}, t('orders.none')), h('p', {}, h('a', { href: '/catalog' }, t('orders.toCatalog')))];
  }
  const last = Math.max(1, Math.ceil(total / size));
  return [
    h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, t('orders.title')),
      h('thead', {}, h('tr', {}, ['orders.number', 'orders.placed', 'orders.items', 'orders.status', 'orders.activation', 'orders.total']
        .map((key) => h('th', { scope: 'col', class: key === 'orders.total' ? 'number' : undefined }, t(key))))),
      h('tbody', {}, orders.map((order) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/orders/${encodeURIComponent(order.id)}` }, order.orderNumber || order.id)),
        h('td', {}, formatDateTime(order.placedAt)),
        h('td', {}, order.items.map((item) => item.name).join(', ')),
        h('td', {}, orderStatusLabel(order.status)),
        h('td', {}, h('span', { class: `badge ${activationTone(order.activationStatus)}` }, activationLabel(order.activationStatus))),
        h('td', { class: 'number' }, formatPrice(order.total.amount, order.total.currency)))))),
    last > 1 ? h('nav', { class: 'pagination', 'aria-label': t('wishlists.pages') },
      page > 1 ? h('a', { href: `/orders?page=${page - 1}`, rel: 'prev' }, t('wishlists.previous')) : null,
      h('span', {}, t('wishlists.pageOf', { page, last, total })),
      page < last ? h('a', { href: `/orders?page=${page + 1}`, rel: 'next' }, t('wishlists.next')) : null) : null,
  ];
}
