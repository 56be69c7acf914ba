// Accessible forms: a label per field, hints and errors tied to the input (aria-describedby, aria-invalid), an
// error summary that takes focus, the same rules checked here as on the server (messages in the user's language),
// and server field errors placed next to their fields.
import { t } from './i18n.js';
import { h, busy, problemMessage } from './ui.js';
import { ApiError } from './api.js';

let sequence = 0;

/**
 * fields: [{name, label, type, required, autocomplete, minLength, maxLength, pattern, invalid, hint, options,
 * value, serverNames, inputmode, rows, min, max}]; onSubmit(values) may throw ApiError.
 */
export function createForm({ fields, submitLabel, onSubmit, extra = [], className = '' }) {
  const formId = `f${++sequence}`;
  const controls = new Map();
  const summaryList = h('ul');
  const summaryTitleId = `${formId}-summary-title`;
  const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true, 'aria-labelledby': summaryTitleId },
    h('h2', { id: summaryTitleId }, t('form.summaryTitle')), summaryList);
  const problem = h('div', { class: 'alert alert-error', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, submitLabel);
  const element = h('form', { novalidate: true, class: `form ${className}`.trim() }, summary, problem);

  for (const field of fields) {
    const control = renderField(formId, field);
    controls.set(field.name, control);
    element.append(control.wrapper);
  }
  element.append(...extra, h('div', { class: 'form-actions' }, submit));

  function values() {
    const result = {};
    for (const [name, control] of controls) result[name] = control.value();
    return result;
  }

  function clearErrors() {
    summary.hidden = true;
    summaryList.replaceChildren();
    problem.hidden = true;
    problem.textContent = '';
    controls.forEach((control) => control.setError(null));
  }

  function showFieldErrors(errors) {
    summaryList.replaceChildren();
    for (const { name, message } of errors) {
      const control = controls.get(name);
      if (control) control.setError(message);
      summaryList.append(h('li', {}, control
        ? h('a', { href: `#${control.input.id}`, onclick: (event) => { event.preventDefault(); control.input.focus(); } },
          `${control.label}: ${message}`)
        : message));
    }
    summary.hidden = false;
    summary.focus();
  }

  function showProblem(error) {
    problem.textContent = problemMessage(error);
    problem.hidden = false;
    problem.focus();
  }

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    clearErrors();
    const errors = [];
    for (const field of fields) {
      const message = check(field, controls.get(field.name).value());
      if (message) errors.push({ name: field.name, message });
    }
    if (errors.length) {
      showFieldErrors(errors);
      return;
    }
    try {
      await busy(submit, () => onSubmit(values()));
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) {
        showFieldErrors(error.fieldErrors.map((fieldError) => serverFieldError(fields, fieldError)));
      } else if (error instanceof ApiError) {
        showProblem(error);
      } else {
        throw error;
      }
    }
  });

  return { element, values, showProblem, showFieldErrors, clearErrors, control: (name) => controls.get(name) };
}

/** A server field error in the user's language: the field's own rule text when the form knows the field. */
function serverFieldError(fields, { field, message }) {
  const known = fields.find((candidate) => candidate.name === field || (candidate.serverNames || []).includes(field));
  if (!known) return { name: null, message: t('form.serverFieldInvalid', { field, message }) };
  return { name: known.name, message: known.invalid || t('form.invalid') };
}

function check(field, value) {
  const empty = value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  if (empty) return field.required ? t('form.required') : null;
  if (typeof value === 'string') {
    const length = [...value].length;
    if ((field.minLength && length < field.minLength) || (field.maxLength && length > field.maxLength)) {
      return field.invalid || t('form.length', { min: field.minLength ?? 1, max: field.maxLength ?? '' });
    }
    if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return t('form.email');
    if (field.pattern && !field.pattern.test(value)) return field.invalid || t('form.invalid');
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value) || (field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
      return field.invalid || t('form.range', { min: field.min, max: field.max });
    }
  }
  if (field.validate) return field.validate(value);
  return null;
}

function renderField(formId, field) {
  const id = `${formId}-${field.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [field.hint ? hintId : null, errorId].filter(Boolean).join(' ');
  const common = {
    id, name: field.name, 'aria-describedby': describedBy, required: field.required || undefined,
    autocomplete: field.autocomplete, inputmode: field.inputmode,
  };
  let input;
  if (field.type === 'select') {
    input = h('select', common, (field.options || []).map((option) =>
      h('option', { value: option.value, selected: String(option.value) === String(field.value ?? '') }, option.label)));
  } else if (field.type === 'textarea' || field.type === 'lines') {
    input = h('textarea', { ...common, rows: field.rows || 3 }, Array.isArray(field.value) ? field.value.join('\n') : (field.value ?? ''));
  } else {
    input = h('input', {
      ...common, type: field.type || 'text', value: field.value ?? '', min: field.min, max: field.max,
      spellcheck: ['email', 'password'].includes(field.type) ? 'false' : undefined,
    });
  }
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const wrapper = h('div', { class: 'field' },
    h('label', { for: id }, field.label, field.required ? h('span', { class: 'required' }, ` ${t('form.requiredMark')}`) : null),
    field.hint ? h('p', { class: 'hint', id: hintId }, field.hint) : null,
    error, input);
  return {
    wrapper, input, label: field.label,
    value() {
      if (field.type === 'number') return input.value.trim() === '' ? null : Number(input.value);
      if (field.type === 'lines') return input.value.split('\n').map((line) => line.trim()).filter(Boolean);
      if (field.type === 'select') return input.value;
      return field.type === 'password' ? input.value : input.value.trim();
    },
    setError(message) {
      error.textContent = message || '';
      error.hidden = !message;
      wrapper.classList.toggle('has-error', Boolean(message));
      if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    },
  };
}
