// The queue of the agent's teams: the latest snapshot per team (from `queue` frames), merged and
// shown highest priority first, then the longest wait.

import { el, button, clear, relativeTime } from './dom.js';

export class Queue {
  constructor(listEl, countEl) {
    this.list = listEl;
    this.count = countEl;
    this.byTeam = new Map();
  }

  /** A `queue` frame: {team, items}. */
  setTeam(team, items) {
    this.byTeam.set(team, Array.isArray(items) ? items : []);
  }

  /**
   * GET /api/v1/agent/queue: every team's items at once. Teams a `queue` frame has already
   * described keep that (newer) snapshot unless replace is set.
   */
  setAll(items, replace) {
    const fresh = new Map();
    for (const it of items || []) {
      if (!fresh.has(it.team)) fresh.set(it.team, []);
      fresh.get(it.team).push(it);
    }
    if (replace) this.byTeam.clear();
    for (const [team, list] of fresh) {
      if (!this.byTeam.has(team)) this.byTeam.set(team, list);
    }
  }

  items() {
    const all = [...this.byTeam.values()].flat();
    return all.sort((a, b) => (b.priority || 0) - (a.priority || 0)
      || Date.parse(a.waitingSince) - Date.parse(b.waitingSince));
  }

  /** Renders the list; onClaim(conversationId, button) claims one. */
  render(t, locale, onClaim) {
    const items = this.items();
    this.count.textContent = String(items.length);
    // a live update must not take the keyboard focus away from the Claim button it was on
    const a = document.activeElement;
    const focused = this.list.contains(a) && a.closest('[data-conversation-id]')
      ? a.closest('[data-conversation-id]').dataset.conversationId : null;
    clear(this.list);
    if (!items.length) {
      this.list.append(el('li', 'empty', t.queueEmpty));
      return;
    }
    for (const it of items) {
      const li = el('li', 'card queue-item', null, { 'data-conversation-id': it.conversationId });
      const head = el('div', 'card-head');
      const prio = el('span', 'prio p' + Math.min(40, Math.max(10, Math.round((it.priority || 10) / 10) * 10)),
        String(it.priority ?? ''), { title: t.priority });
      prio.setAttribute('aria-label', t.priority + ' ' + (it.priority ?? ''));
      head.append(prio, el('span', 'team', t.teams[it.team] || it.team));
      const dl = el('dl', 'facts');
      const since = el('dd');
      since.append(relativeTime(it.waitingSince, locale));
      dl.append(el('dt', null, t.waitingSince), since);
      add(dl, t.intent, it.intent);
      add(dl, t.summary, it.summary);
      add(dl, t.caseId, it.caseId);
      const claim = button(t.claim, 'primary claim', { 'aria-label': t.claim + ' ' + (it.summary || it.conversationId) });
      claim.addEventListener('click', () => onClaim(it.conversationId, claim));
      li.append(head, dl, claim);
      this.list.append(li);
      if (it.conversationId === focused) claim.focus();
    }
    if (focused && !this.list.contains(document.activeElement)) {
      const first = this.list.querySelector('button');
      if (first) first.focus();
      else this.list.closest('section').querySelector('h2').focus();
    }
  }
}

function add(dl, term, value) {
  if (value == null || value === '') return;
  dl.append(el('dt', null, term), el('dd', null, value));
}
