// Words for support cases, shared by the case pages. The categories are case-service's default
// portal.case.categories; a status or category the dictionaries do not know is shown as Salesforce names it.
import { t, has } from './i18n.js';

export const CATEGORIES = ['Internet', 'SIM', 'VPN', 'Billing', 'Other'];

export function caseStatusLabel(status) {
  return has(`case.status.${status}`) ? t(`case.status.${status}`) : status;
}

export function categoryLabel(category) {
  if (!category) return t('case.noCategory');
  return has(`case.category.${category}`) ? t(`case.category.${category}`) : category;
}
