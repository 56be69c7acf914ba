// Field definitions shared by signup, link, profile and address: the server's rules, with texts in the user's language.
import { t } from './i18n.js';

export const CUSTOMER_NUMBER = /^[A-Za-z0-9-]{1,40}$/;
export const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;
export const COUNTRY = /^[A-Z]{2}$/;

export function customerNumberField() {
  return { name: 'customerNumber', label: t('fields.customerNumber'), required: true, pattern: CUSTOMER_NUMBER,
    hint: t('hints.customerNumber'), invalid: t('invalid.customerNumber'), autocomplete: 'off' };
}

export const CODE = /^[0-9]{8}$/;

/** An 8-digit code from a mail (spaces the user typed are dropped before it is checked). */
export function codeField(name, label, hint) {
  return { name, label, required: true, pattern: CODE, inputmode: 'numeric', autocomplete: 'one-time-code', maxLength: 8, hint,
    invalid: t('invalid.code') };
}

export function emailField(autocomplete = 'email') {
  return { name: 'email', label: t('fields.email'), type: 'email', required: true, maxLength: 254, autocomplete,
    invalid: t('form.email') };
}

export function newPasswordField(name = 'password', label = t('fields.newPassword')) {
  return { name, label, type: 'password', required: true, minLength: 10, maxLength: 128, autocomplete: 'new-password',
    hint: t('hints.password'), invalid: t('invalid.password') };
}

export function nameFields(required = true) {
  return [
    { name: 'lastName', label: t('fields.lastName'), required, maxLength: 100, autocomplete: 'family-name', invalid: t('invalid.name') },
    { name: 'firstName', label: t('fields.firstName'), required, maxLength: 100, autocomplete: 'given-name', invalid: t('invalid.name') },
  ];
}

export function phoneField(required = true) {
  return { name: 'phone', label: t('fields.phone'), type: 'tel', required, pattern: PHONE, autocomplete: 'tel',
    hint: t('hints.phone'), invalid: t('invalid.phone') };
}

/** Address fields; prefix is how the server names them inside a larger body (signup: "address."). */
export function addressFields(prefix = '', values = {}) {
  const server = (name) => (prefix ? [`${prefix}${name}`, name] : [name]);
  return [
    { name: 'postcode', label: t('fields.postcode'), required: true, maxLength: 20, autocomplete: 'postal-code', value: values.postcode, serverNames: server('postcode'), invalid: t('invalid.required') },
    { name: 'state', label: t('fields.state'), required: true, maxLength: 100, autocomplete: 'address-level1', value: values.state, serverNames: server('state'), invalid: t('invalid.required') },
    { name: 'city', label: t('fields.city'), required: true, maxLength: 100, autocomplete: 'address-level2', value: values.city, serverNames: server('city'), invalid: t('invalid.required') },
    { name: 'address1', label: t('fields.address1'), required: true, maxLength: 200, autocomplete: 'address-line1', value: values.address1, serverNames: server('address1'), invalid: t('invalid.required') },
    { name: 'address2', label: t('fields.address2'), maxLength: 200, autocomplete: 'address-line2', value: values.address2, serverNames: server('address2'), invalid: t('invalid.tooLong') },
    { name: 'country', label: t('fields.country'), required: true, pattern: COUNTRY, maxLength: 2, autocomplete: 'country', value: values.country ?? 'JP', hint: t('hints.country'), serverNames: server('country'), invalid: t('invalid.country') },
  ];
}

export function addressBody(values) {
  const body = {
    address1: values.address1, city: values.city, state: values.state, postcode: values.postcode,
    country: values.country.toUpperCase(),
  };
  if (values.address2) body.address2 = values.address2;
  return body;
}
