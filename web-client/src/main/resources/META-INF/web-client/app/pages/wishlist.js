import { t, formatDateTime } from '../i18n.js';
import { h, pageHeading, problemBox, statusLine, noticeBox, definitionList, busy, successBox, add, replace } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { productsField, linesField, toProducts, listServerNames, statusLabel, FREQUENCIES } from '../wishlist-fields.js';

export const title = () => t('wishlist.title');

export async function render(main, { params, flash }) {
  const loading = statusLine(t('common.loading'));
  add(main, pageHeading(t('wishlist.title')), loading);
  let wishlist;
  try {
    wishlist = await api.get(`/api/v1/wishlist-to-group/${encodeURIComponent(params.slug)}`);
  } catch (error) {
    loading.replaceWith(problemBox(error));
    return;
  }
  loading.remove();
  const view = h('div');
  add(main, view);
  show(main, view, wishlist, flash ? noticeBox(flash) : null);
}

function show(main, view, wishlist, message) {
  main.querySelector('h1').textContent = wishlist.name;
  document.title = `${wishlist.name} | ${t('layout.brand')}`;
  const cancelled = wishlist.status === 3;
  const summary = wishlist.summary || {};
  replace(view, 
    message,
    h('p', {}, h('span', { class: `badge status-${wishlist.status}` }, statusLabel(wishlist.status))),
    wishlist.description ? h('p', { class: 'lead' }, wishlist.description) : null,
    definitionList([
      [t('wishlist.products'), t('wishlist.summary', { products: summary.product_count ?? 0, items: summary.item_count ?? 0 })],
      [t('fields.frequency'), t(`wishlist.frequency.${wishlist.schedule?.frequency || 'none'}`)],
      wishlist.schedule?.next_run_at ? [t('wishlist.nextRun'), formatDateTime(wishlist.schedule.next_run_at)] : null,
      [t('wishlist.created'), formatDateTime(wishlist.created_at)],
      [t('wishlists.updated'), formatDateTime(wishlist.updated_at)],
      cancelled && wishlist.cancelled_at ? [t('wishlist.cancelledAt'), formatDateTime(wishlist.cancelled_at)] : null,
      [t('wishlists.group'), h('a', { href: `/groups/${wishlist.group_id}` }, t('wishlist.openGroup'))],
    ]),
    contents(wishlist),
    cancelled ? null : editSection(main, view, wishlist),
    statusSection(main, view, wishlist),
    h('p', {}, h('a', { href: '/wishlists' }, t('wishlist.back'))));
}

function contents(wishlist) {
  const products = wishlist.products || [];
  return h('section', { 'aria-labelledby': 'contents-heading' }, h('h2', { id: 'contents-heading' }, t('wishlist.contents')),
    products.length ? h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, t('fields.products')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('wishlist.productCode')), h('th', { scope: 'col' }, t('wishlist.productName')),
        h('th', { scope: 'col', class: 'number' }, t('wishlist.quantity')))),
      h('tbody', {}, products.map((product) => h('tr', {}, h('td', {}, h('code', {}, product.product_code)),
        h('td', {}, product.name || ''), h('td', { class: 'number' }, String(product.quantity ?? 1))))))
      : h('p', {}, t('wishlist.noProducts')),
    list(t('fields.categories'), wishlist.categories),
    list(t('fields.search_queries'), wishlist.search_queries));
}

function list(label, items) {
  if (!items || !items.length) return null;
  return [h('h3', {}, label), h('ul', { class: 'tags' }, items.map((item) => h('li', {}, item)))];
}

function editSection(main, view, wishlist) {
  const form = createForm({
    submitLabel: t('common.save'),
    fields: [
      { name: 'name', label: t('fields.wishlistName'), required: true, maxLength: 200, value: wishlist.name, invalid: t('invalid.wishlistName') },
      { name: 'description', label: t('fields.description'), type: 'textarea', maxLength: 2000, value: wishlist.description || '', invalid: t('invalid.description') },
      { ...productsField(wishlist.products), serverNames: listServerNames('products') },
      linesField('categories', wishlist.categories, 100),
      linesField('search_queries', wishlist.search_queries, 500),
      { name: 'frequency', label: t('fields.frequency'), type: 'select', value: wishlist.schedule?.frequency || 'none', serverNames: ['schedule.frequency', 'schedule'],
        options: FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`wishlist.frequency.${frequency}`) })) },
    ],
    async onSubmit(values) {
      const updated = await api.patch(`/api/v1/wishlist-to-group/${encodeURIComponent(wishlist.slug)}`, {
        name: values.name, description: values.description, products: toProducts(values.products),
        categories: values.categories, search_queries: values.search_queries, schedule: { frequency: values.frequency },
      });
      show(main, view, updated, successBox(t('wishlist.saved')));
      focusMessage(view);
    },
  });
  return h('section', { 'aria-labelledby': 'edit-heading' }, h('h2', { id: 'edit-heading' }, t('wishlist.edit')), form.element);
}

function statusSection(main, view, wishlist) {
  const problem = h('div');
  const cancelled = wishlist.status === 3;
  const button = h('button', { type: 'button', class: cancelled ? 'button-primary' : 'button-secondary danger' },
    cancelled ? t('wishlist.reactivate') : t('wishlist.cancel'));
  button.addEventListener('click', () => busy(button, async () => {
    problem.replaceChildren();
    try {
      const updated = await api.patch(`/api/v1/wishlist-to-group/${encodeURIComponent(wishlist.slug)}`, { status: cancelled ? 1 : 3 });
      show(main, view, updated, successBox(cancelled ? t('wishlist.reactivated') : t('wishlist.cancelled')));
      focusMessage(view);
    } catch (error) {
      problem.replaceChildren(problemBox(error));
    }
  }));
  return h('section', { 'aria-labelledby': 'status-heading' }, h('h2', { id: 'status-heading' }, t('wishlist.statusTitle')),
    h('p', {}, cancelled ? t('wishlist.reactivateHint') : t('wishlist.cancelHint')), problem, button);
}

function focusMessage(view) {
  const message = view.querySelector('[role=status]');
  if (message) {
    message.setAttribute('tabindex', '-1');
    message.focus();
  }
}
