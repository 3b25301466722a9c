// One conversation: its transcript (live), what the bot recognised, its cases, the composer, and the
// resolve and trade-result forms. Built from GET /api/v1/agent/conversations/{id}.

import { el, button, field, select, clear, clockTime, relativeTime, plain } from './dom.js';
import { errorText } from './i18n.js';

const TERMINAL = new Set(['resolved', 'closed', 'cancelled', 'rejected', 'executed', 'partially_executed']);
const TYPING_SHOWN_MS = 6000;
const TYPING_SENT_EVERY_MS = 3000;
const AUTHORS = ['customer', 'bot', 'agent', 'system'];

export class ConversationView {
  /**
   * @param {HTMLElement} root where the view goes
   * @param {{api, live, me, isCurrent: Function, onResolved: Function, onClose: Function}} ctx
   */
  constructor(root, id, ctx) {
    this.root = root;
    this.id = id;
    this.ctx = ctx;
    this.view = null;
    this.entries = new Map();
    this.ended = false;
    this.typingTimer = 0;
    this.lastTypingSent = 0;
  }

  async load() {
    this.view = await this.ctx.api.conversation(this.id);
    for (const e of this.view.transcript || []) this.entries.set(e.seq, e);
    const h = this.view.handoff;
    this.ended = !h || h.state !== 'assigned' || h.agent !== this.ctx.me.username;
  }

  /** A live `message` frame of this conversation. */
  addEntry(f) {
    if (typeof f.seq !== 'number' || this.entries.has(f.seq)) return;
    this.entries.set(f.seq, f);
    if (f.from === 'customer') this.hideTyping();
    if (this.list) this.renderTranscript(true);
  }

  customerTyping() {
    if (!this.typingLine) return;
    clearTimeout(this.typingTimer);
    this.typingLine.hidden = false;
    this.typingTimer = setTimeout(() => this.hideTyping(), TYPING_SHOWN_MS);
  }

  hideTyping() {
    clearTimeout(this.typingTimer);
    if (this.typingLine) this.typingLine.hidden = true;
  }

  /** The handoff ended (resolved here, or `released`): shows the final state (audit, the bot's words). */
  async markEnded() {
    if (this.ended) return;
    this.ended = true;
    const before = this.view && this.view.handoff;
    try {
      await this.load();
    } catch { /* what was shown stays */ }
    this.ended = true;
    if (this.view && !this.view.handoff && before) this.view.handoff = before;
    if (this.t) this.render(this.t, this.locale);
  }

  render(t, locale) {
    this.t = t;
    this.locale = locale;
    if (!this.ctx.isCurrent(this)) return; // another conversation took the place meanwhile
    const draft = this.input ? this.input.value : '';
    clear(this.root);
    const head = el('div', 'conv-head');
    const h = el('h2', null, t.conversation + ' ' + this.id, { id: 'conv-title', tabindex: '-1' });
    const close = button(t.close, 'quiet close-conv');
    close.addEventListener('click', () => this.ctx.onClose(this.id));
    head.append(h, close);
    this.root.append(head);
    this.notice = el('p', 'notice', null, { role: 'status' });
    this.notice.hidden = true;
    this.root.append(this.notice);
    if (this.ended) this.say(t.ended, 'ended');

    const body = el('div', 'conv-body');
    const left = el('div', 'conv-main');
    this.list = el('ol', 'transcript', null, { 'aria-label': t.transcript, role: 'log', 'aria-live': 'polite', tabindex: '0' });
    this.typingLine = el('p', 'typing', t.customerTyping, { 'aria-live': 'polite' });
    this.typingLine.hidden = true;
    left.append(this.list, this.typingLine);
    if (!this.ended) left.append(this.composer(t, draft));
    body.append(left, this.details(t, locale));
    this.root.append(body);
    this.renderTranscript(false);
  }

  /**
   * Shows the entries in seq order. New entries after the last one shown are appended (so that the
   * log announces only them); anything else redraws the list.
   */
  renderTranscript(follow) {
    const atEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    const last = this.list.lastElementChild ? Number(this.list.lastElementChild.dataset.seq) : 0;
    const sorted = [...this.entries.values()].sort((a, b) => a.seq - b.seq);
    const shown = this.list.children.length;
    const appendOnly = follow && shown > 0 && sorted.length > shown && sorted[shown - 1].seq === last;
    if (!appendOnly) clear(this.list);
    for (const e of appendOnly ? sorted.slice(shown) : sorted) this.list.append(this.entry(e));
    if (!follow || atEnd) this.list.scrollTop = this.list.scrollHeight;
  }

  entry(e) {
    const t = this.t;
    const from = AUTHORS.includes(e.from) ? e.from : 'system';
    const li = el('li', 'entry ' + from, null, { 'data-seq': e.seq, 'data-from': from });
    const meta = el('div', 'meta');
    meta.append(el('span', 'seq', '#' + e.seq), el('span', 'who', from === 'agent' && e.agentName
      ? t.who.agent + ' · ' + e.agentName : t.who[from]), clockTime(e.ts, this.locale));
    if (e.intent) meta.append(el('span', 'tag', e.intent));
    li.append(meta, el('div', 'text', plain(e.text)));
    return li;
  }

  /** A status line under the title (announced); the title takes the focus so the reader hears it. */
  say(text, kind) {
    this.notice.textContent = text;
    this.notice.className = 'notice' + (kind ? ' ' + kind : '');
    this.notice.hidden = false;
    const title = this.root.querySelector('#conv-title');
    const a = document.activeElement;
    if (title && (!a || a === document.body || this.root.contains(a))) title.focus();
  }

  composer(t, draft) {
    const form = el('form', 'composer', null, { 'aria-label': t.message });
    const input = el('textarea', null, null, { rows: '3', maxlength: '4000', 'aria-describedby': 'composer-hint' });
    input.value = draft;
    this.input = input;
    const send = el('button', 'primary', t.send);
    send.type = 'submit';
    const hint = el('p', 'hint', t.sendHint, { id: 'composer-hint' });
    const error = el('p', 'error', null, { role: 'alert' });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    input.addEventListener('input', () => {
      const now = Date.now();
      if (now - this.lastTypingSent > TYPING_SENT_EVERY_MS) {
        this.lastTypingSent = now;
        this.ctx.live.typing(this.id);
      }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text || send.disabled) return;
      send.disabled = true;
      error.textContent = '';
      try {
        const entry = await this.ctx.api.send(this.id, text);
        input.value = '';
        this.addEntry(entry);
      } catch (err) {
        error.textContent = errorText(t, err);
      } finally {
        send.disabled = false;
        input.focus();
      }
    });
    const row = el('div', 'row');
    row.append(field(t.message, input, 'composer-input'), send);
    form.append(row, hint, error);
    return form;
  }

  details(t, locale) {
    const side = el('div', 'conv-side');
    const v = this.view || {};
    const h = v.handoff;
    if (h) {
      const s = section(t.handoff);
      const dl = el('dl', 'facts');
      fact(dl, t.team, t.teams[h.team] || h.team);
      fact(dl, t.state, this.ended ? t.states.ended : (t.states[h.state] || h.state));
      fact(dl, t.priority, h.priority);
      fact(dl, t.summary, h.summary);
      const w = el('dd');
      w.append(relativeTime(h.waitingSince, locale));
      dl.append(el('dt', null, t.waitingSince), w);
      s.append(dl);
      side.append(s);
    }
    const si = section(t.intents);
    const intents = Array.isArray(v.intents) ? v.intents : [];
    if (intents.length) {
      const ul = el('ul', 'tags');
      for (const i of intents) ul.append(el('li', 'tag', i));
      si.append(ul);
    } else si.append(el('p', 'empty', t.none));
    side.append(si);

    const se = section(t.entities);
    const ents = v.entities && typeof v.entities === 'object' ? Object.entries(v.entities) : [];
    if (ents.length) {
      const dl = el('dl', 'facts');
      for (const [k, val] of ents) fact(dl, k, plain(val));
      se.append(dl);
    } else se.append(el('p', 'empty', t.none));
    side.append(se);

    const sc = section(t.cases);
    const cases = Array.isArray(v.cases) ? v.cases : [];
    if (!cases.length) sc.append(el('p', 'empty', t.none));
    for (const c of cases) {
      const dl = el('dl', 'facts case', null, { 'data-case-id': c.id });
      fact(dl, t.caseId, c.id);
      fact(dl, t.kind, t.kinds[c.kind] || c.kind);
      fact(dl, t.status, c.status);
      if (c.dueAt) fact(dl, t.due, new Date(c.dueAt).toLocaleString(locale));
      for (const [k, val] of Object.entries(c.data || {})) fact(dl, k, plain(val));
      sc.append(dl);
    }
    side.append(sc);

    const audit = Array.isArray(v.audit) ? v.audit : [];
    if (audit.length) {
      const d = el('details', 'box audit');
      d.append(el('summary', null, t.audit + ' (' + audit.length + ')'));
      const ol = el('ol', 'audit-list');
      for (const a of audit) {
        const li = el('li');
        li.append(clockTime(a.at, locale), ' ', el('strong', null, a.agentName || a.agent), ' ',
          el('span', null, a.action), ' ', el('span', 'muted', plain(a.content)));
        ol.append(li);
      }
      d.append(ol);
      side.append(d);
    }

    const trade = cases.filter((c) => c.kind === 'TRADE_INSTRUCTION' && !TERMINAL.has(c.status)).pop();
    if (trade && !this.ended) side.append(this.tradeForm(t, trade));
    if (!this.ended) side.append(this.resolveForm(t));
    return side;
  }

  tradeForm(t, tcase) {
    const form = el('form', 'trade', null, { 'aria-labelledby': 'trade-title' });
    form.append(el('h3', null, t.tradeResult + ' · ' + tcase.id, { id: 'trade-title' }));
    const status = select(t.tradeStatuses, 'executed');
    const ref = el('input', null, null, { required: '', maxlength: '64', autocomplete: 'off' });
    const detail = el('input', null, null, { maxlength: '500', autocomplete: 'off' });
    const submit = el('button', 'primary', t.record);
    submit.type = 'submit';
    const out = el('p', 'error', null, { role: 'alert' });
    form.append(field(t.tradeStatus, status, 'trade-status'), field(t.reference, ref, 'trade-ref'),
      field(t.detail, detail, 'trade-detail'), submit, out);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        const body = { status: status.value, reference: ref.value.trim() };
        if (detail.value.trim()) body.detail = detail.value.trim();
        await this.ctx.api.tradeResult(this.id, body);
        await this.load();
        this.render(this.t, this.locale);
        this.say(t.recorded(tcase.id));
      } catch (err) {
        out.textContent = errorText(t, err);
        submit.disabled = false;
      }
    });
    return form;
  }

  resolveForm(t) {
    const form = el('form', 'resolve', null, { 'aria-labelledby': 'resolve-title' });
    form.append(el('h3', null, t.resolve, { id: 'resolve-title' }));
    const disp = select(t.dispositions, 'answered');
    const submit = el('button', 'danger', t.resolve);
    submit.type = 'submit';
    const out = el('p', 'error', null, { role: 'alert' });
    form.append(field(t.disposition, disp, 'resolve-disposition'), submit, out);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        await this.ctx.api.resolve(this.id, disp.value);
        this.ctx.onResolved(this.id);
        this.markEnded();
      } catch (err) {
        out.textContent = errorText(t, err);
        submit.disabled = false;
      }
    });
    return form;
  }
}

function section(title) {
  const s = el('section', 'box');
  s.append(el('h3', null, title));
  return s;
}

function fact(dl, term, value) {
  if (value == null || value === '') return;
  dl.append(el('dt', null, term), el('dd', null, plain(value)));
}
