import { t } from '../i18n.js';
import { h, pageHeading, add } from '../ui.js';
import { createForm } from '../forms.js';
import { api } from '../api.js';
import { setFlash } from '../router.js';
import { CATEGORIES, categoryLabel } from '../case-labels.js';

export const title = () => t('caseNew.title');

export function render(main, { navigate }) {
  const form = createForm({
    submitLabel: t('caseNew.submit'),
    fields: [
      { name: 'subject', label: t('caseNew.subject'), required: true, maxLength: 255, invalid: t('caseNew.subjectInvalid') },
      { name: 'description', label: t('caseNew.description'), type: 'textarea', rows: 6, required: true, maxLength: 32000,
        hint: t('caseNew.descriptionHint'), invalid: t('caseNew.descriptionInvalid') },
      { name: 'category', label: t('cases.category'), type: 'select', value: '',
        options: [{ value: '', label: t('caseNew.chooseCategory') }, ...CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) }))] },
    ],
    async onSubmit(values) {
      const body = { subject: values.subject, description: values.description };
      if (values.category) body.category = values.category;
      const created = await api.post('/api/cases', body);
      setFlash(t('caseNew.created', { number: created.caseNumber }));
      await navigate(`/cases/${encodeURIComponent(created.id)}`);
    },
  });
  add(main, pageHeading(t('caseNew.title')), h('p', { class: 'lead' }, t('caseNew.intro')), form.element,
    h('p', {}, h('a', { href: '/cases' }, t('case.back'))));
}
