// Checkout of one plan from the catalogue. The Idempotency-Key is made once per checkout attempt (this page with
// this content) and sent again on every retry, so a retry after a lost answer never places a second order; a changed
// quantity or note is another attempt with a new key (the same key with another body would be refused).
import { t, formatPrice } from '../i18n.js';
import { h, pageHeading, problemBox, statusLine, definitionList, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api, ApiError } from '../api.js';
import { setFlash } from '../router.js';

const MIN_QUANTITY = 1;
const MAX_QUANTITY = 10;
// refusals about the order as a whole: shown as one message, not as field errors of fields the page does not have
const WHOLE_ORDER_CODES = new Set(['item-not-orderable', 'too-many-items', 'quantity-out-of-range']);

export const title = () => t('checkout.title');

export async function render(main, { query, navigate }) {
  const entryId = query.get('entry') || '';
  const loading = statusLine(t('common.loading'));
  add(main, pageHeading(t('checkout.title')), loading);
  let product;
  try {
    const { products } = await api.get('/api/catalog');
    product = products.find((candidate) => candidate.pricebookEntryId === entryId);
  } catch (error) {
    loading.replaceWith(problemBox(error));
    return;
  }
  if (!product) {
    loading.replaceWith(h('div', { class: 'alert alert-error', role: 'alert' }, t('checkout.unknownPlan')));
    add(main, h('p', {}, h('a', { href: '/catalog' }, t('checkout.backToCatalog'))));
    return;
  }
  loading.remove();

  let attempt = null; // { key, body }: the key goes with exactly this body
  const form = createForm({
    submitLabel: t('checkout.submit'),
    fields: [
      { name: 'quantity', label: t('checkout.quantity'), type: 'number', required: true, min: MIN_QUANTITY, max: MAX_QUANTITY,
        value: '1', inputmode: 'numeric', serverNames: ['items[0].quantity'],
        invalid: t('checkout.quantityInvalid', { min: MIN_QUANTITY, max: MAX_QUANTITY }) },
      { name: 'note', label: t('checkout.note'), type: 'textarea', maxLength: 2000, hint: t('checkout.noteHint'),
        invalid: t('invalid.description') },
    ],
    async onSubmit(values) {
      if (!Number.isInteger(values.quantity)) {
        form.showFieldErrors([{ name: 'quantity', message: t('checkout.quantityInvalid', { min: MIN_QUANTITY, max: MAX_QUANTITY }) }]);
        return;
      }
      const body = { items: [{ pricebookEntryId: product.pricebookEntryId, quantity: values.quantity }] };
      if (values.note) body.note = values.note;
      const fingerprint = JSON.stringify(body);
      if (!attempt || attempt.body !== fingerprint) attempt = { key: newKey(), body: fingerprint };
      let order;
      try {
        order = await api.post('/api/orders', body, { headers: { 'Idempotency-Key': attempt.key } });
      } catch (error) {
        if (error instanceof ApiError && WHOLE_ORDER_CODES.has(error.code)) {
          form.showProblem(error);
          return;
        }
        throw error;
      }
      setFlash(t('checkout.placed', { number: order.orderNumber || order.id }));
      await navigate(`/orders/${encodeURIComponent(order.id)}`);
    },
  });
  add(main,
    h('section', { 'aria-labelledby': 'checkout-plan' }, h('h2', { id: 'checkout-plan' }, t('checkout.plan')),
      definitionList([
        [t('checkout.planName'), product.name],
        [t('checkout.price'), [formatPrice(product.price.amount, product.price.currency), t('catalog.perMonth')]],
        [t('wishlist.productCode'), h('code', {}, product.code || '-')],
      ])),
    h('section', { 'aria-labelledby': 'checkout-form' }, h('h2', { id: 'checkout-form' }, t('checkout.details')),
      h('p', { class: 'hint' }, t('checkout.intro')), form.element),
    h('p', {}, h('a', { href: '/catalog' }, t('checkout.backToCatalog'))));
}

/** A random UUID (version 4); crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
