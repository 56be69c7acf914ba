import { t, formatDateTime } from '../i18n.js';
import { h, pageHeading, problemBox, statusLine, noticeBox, definitionList, add } from '../ui.js';
import { api } from '../api.js';
import { caseStatusLabel, categoryLabel } from '../case-labels.js';

export const title = () => t('case.title');

export async function render(main, { params, flash }) {
  const loading = statusLine(t('common.loading'));
  add(main, pageHeading(t('case.title')), flash ? noticeBox(flash) : null, loading);
  let found;
  try {
    found = await api.get(`/api/cases/${encodeURIComponent(params.id)}`);
  } catch (error) {
    loading.replaceWith(problemBox(error));
    add(main, h('p', {}, h('a', { href: '/cases' }, t('case.back'))));
    return;
  }
  loading.remove();
  main.querySelector('h1').textContent = found.subject;
  document.title = `${found.subject} | ${t('layout.brand')}`;
  const comments = found.comments || [];
  add(main,
    definitionList([
      [t('cases.number'), found.caseNumber],
      [t('cases.status'), h('span', { class: `badge ${found.open ? 'tone-info' : 'tone-ok'}` }, caseStatusLabel(found.status))],
      [t('cases.category'), categoryLabel(found.category)],
      [t('case.created'), formatDateTime(found.createdAt)],
      [t('cases.updated'), formatDateTime(found.updatedAt)],
      found.closedAt ? [t('case.closed'), formatDateTime(found.closedAt)] : null,
    ]),
    h('section', { 'aria-labelledby': 'case-description' }, h('h2', { id: 'case-description' }, t('caseNew.description')),
      h('p', { class: 'prewrap' }, found.description || '')),
    h('section', { 'aria-labelledby': 'case-comments' }, h('h2', { id: 'case-comments' }, t('case.comments')),
      comments.length
        ? h('ol', { class: 'comments' }, comments.map((comment) => h('li', {},
          h('time', { class: 'meta', datetime: comment.createdAt }, formatDateTime(comment.createdAt)),
          h('p', { class: 'prewrap' }, comment.body))))
        : h('p', {}, t('case.noComments'))),
    h('p', {}, h('a', { href: '/cases' }, t('case.back'))));
}
