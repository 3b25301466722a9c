// Open cases of the agent's teams (GET /api/v1/agent/cases?status=open), each with a resolution
// form.

import { el, field, clear, relativeTime, plain } from './dom.js';
import { errorText } from './i18n.js';

const MAX_FACTS = 4;

/** Renders cases into listEl; onResolved(caseId) runs after a case is resolved. */
export function renderCases(listEl, cases, t, locale, api, onResolved) {
  // a refresh keeps what the agent was typing, and where
  const drafts = new Map([...listEl.querySelectorAll('.case-resolve input')].map((i) => [i.id, i.value]));
  const focused = listEl.contains(document.activeElement) ? document.activeElement.id : null;
  clear(listEl);
  if (!cases.length) {
    listEl.append(el('li', 'empty', t.casesEmpty));
    return;
  }
  for (const c of cases) {
    const li = el('li', 'card case-item', null, { 'data-case-id': c.id });
    const head = el('div', 'card-head');
    head.append(el('strong', 'case-id', c.id), el('span', 'team', t.kinds[c.kind] || c.kind),
      el('span', 'status', c.status));
    li.append(head);
    if (c.dueAt) {
      const due = el('p', 'due');
      due.append(t.due + ' ', relativeTime(c.dueAt, locale));
      if (Date.parse(c.dueAt) < Date.now()) due.classList.add('overdue');
      li.append(due);
    }
    const data = Object.entries(c.data || {}).slice(0, MAX_FACTS);
    if (data.length) {
      const dl = el('dl', 'facts');
      for (const [k, v] of data) dl.append(el('dt', null, k), el('dd', null, plain(v)));
      li.append(dl);
    }
    const form = el('form', 'case-resolve');
    const input = el('input', null, null, { required: '', maxlength: '2000', autocomplete: 'off' });
    const submit = el('button', 'primary', t.resolveCase, { 'aria-label': t.resolveCase + ' ' + c.id });
    submit.type = 'submit';
    const out = el('p', 'error', null, { role: 'alert' });
    form.append(field(t.resolution, input, 'res-' + c.id), submit, out);
    input.value = drafts.get(input.id) || '';
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      submit.disabled = true;
      try {
        await api.resolveCase(c.id, text);
        onResolved(c.id);
      } catch (err) {
        out.textContent = errorText(t, err);
        submit.disabled = false;
      }
    });
    li.append(form);
    listEl.append(li);
  }
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}
