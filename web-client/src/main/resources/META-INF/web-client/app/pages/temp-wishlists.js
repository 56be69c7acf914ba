import { t, formatDateTime } from '../i18n.js';
import { h, pageHeading, loadInto, successBox, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { productsField, linesField, toProducts, listServerNames } from '../wishlist-fields.js';

export const title = () => t('temp.title');

export async function render(main) {
  const list = h('div');
  const result = h('div');
  const form = createForm({
    submitLabel: t('temp.create'),
    fields: [
      { name: 'name', label: t('fields.wishlistName'), required: true, maxLength: 200, invalid: t('invalid.wishlistName') },
      { ...productsField([]), serverNames: listServerNames('products') },
      linesField('categories', [], 100),
      linesField('search_queries', [], 500),
    ],
    async onSubmit(values) {
      const created = await api.post('/api/v1/temp-wishlists', {
        name: values.name, products: toProducts(values.products), categories: values.categories, search_queries: values.search_queries,
      });
      form.element.reset();
      result.replaceChildren(successBox(t('temp.created', { name: created.name })));
      await load();
    },
  });
  const load = () => loadInto(list, () => api.get('/api/v1/temp-wishlists'), ({ data }) => {
    if (!data.length) return h('p', {}, t('temp.none'));
    return h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, t('temp.yours')),
      h('thead', {}, h('tr', {}, ['fields.wishlistName', 'wishlists.status', 'wishlists.products', 'wishlist.created']
        .map((key) => h('th', { scope: 'col' }, t(key))), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('common.actions'))))),
      h('tbody', {}, data.map((temp) => h('tr', {},
        h('th', { scope: 'row' }, temp.name),
        h('td', {}, t(`temp.status.${temp.status}`)),
        h('td', { class: 'number' }, String((temp.products || []).length)),
        h('td', {}, formatDateTime(temp.created_at)),
        h('td', {}, temp.status === 'open'
          ? h('a', { href: `/wishlists?convert=${temp.id}#create`, 'aria-label': t('temp.convertNamed', { name: temp.name }) }, t('temp.convert'))
          : null)))));
  });
  add(main, pageHeading(t('temp.title')), h('p', { class: 'lead' }, t('temp.intro')),
    h('section', { 'aria-labelledby': 'temp-list' }, h('h2', { id: 'temp-list' }, t('temp.yours')), list),
    h('section', { 'aria-labelledby': 'temp-new' }, h('h2', { id: 'temp-new' }, t('temp.new')), result, form.element));
  await load();
}
