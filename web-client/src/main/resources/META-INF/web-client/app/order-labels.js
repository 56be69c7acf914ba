// Words for an order's states, shared by the order list and the order page. Values the dictionaries do not know
// (a new Salesforce status, a new step) are shown as the API sends them rather than hidden.
import { t, has } from './i18n.js';

export function orderStatusLabel(status) {
  return has(`order.sfStatus.${status}`) ? t(`order.sfStatus.${status}`) : status;
}

export function activationLabel(status) {
  return has(`order.activation.${status}`) ? t(`order.activation.${status}`) : status;
}

export function stepLabel(step) {
  return has(`order.step.${step}`) ? t(`order.step.${step}`) : step;
}

export function stepStatusLabel(status) {
  return has(`order.stepStatus.${status}`) ? t(`order.stepStatus.${status}`) : status;
}

/** A CSS class per activation state (colour is never the only cue: the badge also has the word). */
export function activationTone(status) {
  return { ACTIVATED: 'tone-ok', FAILED: 'tone-bad', PARKED: 'tone-warn', WAITING_FOR_PAYMENT_METHOD: 'tone-warn' }[status] || 'tone-info';
}
