// One order: what was ordered, where fulfillment stands, and its timeline (one line per step, latest state).
import { t, formatPrice, formatDateTime } from '../i18n.js';
import { h, pageHeading, problemBox, statusLine, noticeBox, definitionList, add, replace } from '../ui.js';
import { api } from '../api.js';
import { orderStatusLabel, activationLabel, activationTone, stepLabel, stepStatusLabel } from '../order-labels.js';

export const title = () => t('order.title');

export async function render(main, { params, flash }) {
  const loading = statusLine(t('common.loading'));
  add(main, pageHeading(t('order.title')), flash ? noticeBox(flash) : null, loading);
  let order;
  try {
    order = await api.get(`/api/orders/${encodeURIComponent(params.id)}`);
  } catch (error) {
    loading.replaceWith(problemBox(error));
    add(main, h('p', {}, h('a', { href: '/orders' }, t('order.back'))));
    return;
  }
  loading.remove();
  const heading = t('order.titleNumbered', { number: order.orderNumber || order.id });
  main.querySelector('h1').textContent = heading;
  document.title = `${heading} | ${t('layout.brand')}`;
  const progress = h('div', { id: 'order-progress' });
  add(main,
    progress,
    h('section', { 'aria-labelledby': 'order-items' }, h('h2', { id: 'order-items' }, t('order.items')), items(order)),
    h('p', {}, h('a', { href: '/orders' }, t('order.back'))));
  showProgress(progress, order);
}

/** The parts that change while the order is fulfilled: status, activation and the timeline. */
function showProgress(container, order) {
  replace(container,
    definitionList([
      [t('orders.status'), orderStatusLabel(order.status)],
      [t('orders.activation'), h('span', { class: `badge ${activationTone(order.activationStatus)}` }, activationLabel(order.activationStatus))],
      order.activationReason ? [t('order.reason'), order.activationReason] : null,
      [t('orders.placed'), formatDateTime(order.placedAt)],
      order.effectiveDate ? [t('order.effectiveDate'), order.effectiveDate] : null,
      order.note ? [t('checkout.note'), order.note] : null,
      [t('orders.total'), formatPrice(order.total.amount, order.total.currency)],
    ]),
    h('section', { 'aria-labelledby': 'order-timeline' }, h('h2', { id: 'order-timeline' }, t('order.timeline')),
      order.timeline.length
        ? h('ol', { class: 'timeline' }, order.timeline.map((step) => h('li', { class: `step step-${step.status.toLowerCase()}`, 'data-step': step.step },
          h('span', { class: 'step-name' }, stepLabel(step.step)),
          h('span', { class: 'badge' }, stepStatusLabel(step.status)),
          step.attempt > 1 ? h('span', { class: 'meta' }, t('order.attempt', { attempt: step.attempt })) : null,
          step.at ? h('time', { class: 'meta', datetime: step.at }, formatDateTime(step.at)) : null,
          step.reason ? h('p', { class: 'step-reason' }, step.reason) : null)))
        : h('p', {}, t('order.notStarted'))));
}

function items(order) {
  // nothing in it takes focus, so at phone width (where it scrolls sideways) the table itself must
  return h('table', { class: 'table', tabindex: '0' },
    h('caption', { class: 'visually-hidden' }, t('order.items')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('wishlist.productName')), h('th', { scope: 'col' }, t('wishlist.productCode')),
      h('th', { scope: 'col', class: 'number' }, t('wishlist.quantity')), h('th', { scope: 'col', class: 'number' }, t('order.unitPrice')),
      h('th', { scope: 'col', class: 'number' }, t('orders.total')))),
    h('tbody', {}, order.items.map((item) => h('tr', {},
      h('td', {}, item.name), h('td', {}, h('code', {}, item.code || '-')), h('td', { class: 'number' }, String(item.quantity)),
      h('td', { class: 'number' }, formatPrice(item.unitPrice.amount, item.unitPrice.currency)),
      h('td', { class: 'number' }, formatPrice(item.total.amount, item.total.currency))))));
}
