// The supervisor's view: GET /api/v1/supervisor/queues as a table, and live `breach` / `case_due`
// alerts from the socket.

import { el, clear, duration, clockTime } from './dom.js';

const MAX_ALERTS = 50;

/** Renders the per-team numbers ({teams: {team: {...}}}) into tableBody. */
export function renderStats(tableBody, stats, t, locale) {
  clear(tableBody);
  for (const [team, s] of Object.entries((stats && stats.teams) || {})) {
    const tr = el('tr', s.breaches > 0 ? 'breached' : null, null, { 'data-team': team });
    const th = el('th', null, t.teams[team] || team, { scope: 'row' });
    tr.append(th,
      el('td', 'num', s.waiting),
      el('td', 'num', duration(s.oldestWaitSeconds, locale)),
      el('td', 'num', s.breaches),
      el('td', null, s.open ? t.yes : t.no),
      el('td', 'num', duration(s.pickupTargetSeconds, locale)),
      el('td', 'num', s.agentsOnline ?? ''));
    tableBody.append(tr);
  }
}

/** Renders the alerts ({frame, at} of `breach` and `case_due` frames), newest first. */
export function renderAlerts(listEl, alerts, t, locale) {
  clear(listEl);
  if (!alerts.length) listEl.append(el('li', 'empty', t.alertsEmpty));
  for (const { frame: f, at } of alerts.slice(-MAX_ALERTS).reverse()) {
    const text = f.type === 'breach'
      ? t.breachAlert(t.teams[f.team] || f.team, f.conversationId, duration(f.waitedSeconds, locale))
      : t.caseDueAlert(f.caseId);
    const li = el('li', 'alert ' + f.type, null, { 'data-type': f.type });
    li.append(clockTime(at, locale), ' ', el('span', null, text));
    listEl.append(li);
  }
}
