// What official and temporary wishlists share: products as "code quantity" lines, categories and search queries as
// lines, status and schedule names.
import { t } from './i18n.js';

const PRODUCT_LINE = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})(?:\s+(\d{1,3}))?$/;

export function productsField(value) {
  return {
    name: 'products', label: t('fields.products'), type: 'lines', rows: 4, hint: t('hints.products'),
    value: (value || []).map((product) => `${product.product_code} ${product.quantity ?? 1}`),
    serverNames: [], invalid: t('invalid.products'),
    validate: (lines) => (lines.every((line) => {
      const found = PRODUCT_LINE.exec(line);
      return found && (!found[2] || (Number(found[2]) >= 1 && Number(found[2]) <= 999));
    }) ? null : t('invalid.products')),
  };
}

export function linesField(name, value, maxLength) {
  return {
    name, label: t(`fields.${name}`), type: 'lines', rows: 3, hint: t('hints.lines'), value: value || [],
    invalid: t('invalid.lines', { max: maxLength }),
    validate: (lines) => (lines.length <= 50 && lines.every((line) => [...line].length <= maxLength) ? null : t('invalid.lines', { max: maxLength })),
  };
}

export function toProducts(lines) {
  return lines.map((line) => {
    const [, code, quantity] = PRODUCT_LINE.exec(line);
    return { product_code: code, quantity: quantity ? Number(quantity) : 1 };
  });
}

/** Server field names such as products[0].product_code point at the whole list field. */
export function listServerNames(name) {
  return Array.from({ length: 200 }, (unused, index) => `${name}[${index}]`)
    .concat(Array.from({ length: 200 }, (unused, index) => `${name}[${index}].product_code`))
    .concat(Array.from({ length: 200 }, (unused, index) => `${name}[${index}].quantity`), [name]);
}

export function statusLabel(status) {
  return t(`wishlist.status.${status}`);
}

export const FREQUENCIES = ['none', 'daily', 'weekly', 'monthly'];
