import { t, formatPrice } from '../i18n.js';
import { h, pageHeading, loadInto, add } from '../ui.js';
import { api } from '../api.js';

const CATEGORIES = ['internet', 'sim', 'vpn'];

export const title = () => t('catalog.title');

export async function render(main, { query }) {
  const selected = CATEGORIES.includes(query.get('category')) ? query.get('category') : null;
  const results = h('div', { id: 'catalog-results' });
  add(main, 
    pageHeading(t('catalog.title')),
    h('nav', { 'aria-label': t('catalog.filter'), class: 'filters' }, h('ul', { class: 'segmented' },
      [null, ...CATEGORIES].map((category) => h('li', {}, h('a', {
        href: category ? `/catalog?category=${category}` : '/catalog',
        'aria-current': category === selected ? 'page' : undefined,
      }, category ? t(`catalog.category.${category}`) : t('catalog.all')))))),
    results);
  await loadInto(results, () => api.get('/api/catalog', { query: { category: selected } }), ({ products }) => {
    if (!products.length) return h('p', {}, t('catalog.empty'));
    const byCategory = new Map();
    for (const product of products) {
      const key = String(product.category || '').toLowerCase();
      if (!byCategory.has(key)) byCategory.set(key, []);
      byCategory.get(key).push(product);
    }
    return [...byCategory].map(([category, items]) => h('section', { 'aria-labelledby': `cat-${category}` },
      h('h2', { id: `cat-${category}` }, CATEGORIES.includes(category) ? t(`catalog.category.${category}`) : category),
      h('ul', { class: 'products' }, items.map((product) => h('li', { class: 'product' },
        h('h3', { id: `plan-${product.pricebookEntryId}` }, product.name),
        h('p', { class: 'price' }, formatPrice(product.price.amount, product.price.currency), h('span', { class: 'per' }, t('catalog.perMonth'))),
        h('p', { class: 'meta' }, t('catalog.code', { code: product.code || '-' })),
        product.familyPlan ? h('p', { class: 'badge' }, t('catalog.familyPlan')) : null,
        h('p', { class: 'product-action' }, h('a', {
          href: `/checkout?entry=${encodeURIComponent(product.pricebookEntryId)}`, class: 'button-primary button-as-link',
          'aria-describedby': `plan-${product.pricebookEntryId}`,
        }, t('catalog.order'))))))));
  });
}
