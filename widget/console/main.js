// Parley agent console: sign-in, the live queue, the agent's conversations, open cases and, for
// supervisors, the queue numbers and alerts. Served at /console/; talks to the agent API and
// /ws/agent on the same origin. No framework, no build step, nothing inline (strict CSP).

import { LOCALES, LOCALE_NAMES, pickLocale, strings, translateStatic, errorText } from './i18n.js';
import { el, button, clear, refreshTimes } from './dom.js';
import { login, api as makeApi } from './api.js';
import { LiveSocket } from './live.js';
import { Queue } from './queue.js';
import { ConversationView } from './conversation.js';
import { renderCases } from './cases.js';
import { renderStats, renderAlerts } from './supervisor.js';

const SESSION_KEY = 'parley-console:session';
const MINE_KEY = 'parley-console:mine';
const LOCALE_KEY = 'parley-console:locale';
const OPEN_KEY = 'parley-console:open';
const TIMES_EVERY_MS = 15000;
const STATS_EVERY_MS = 15000;
const CASES_EVERY_MS = 60000;

const $ = (id) => document.getElementById(id);
const ui = {
  locale: $('locale'), live: $('live'), whoami: $('whoami'), signout: $('signout'),
  loginView: $('login-view'), login: $('login'), username: $('username'), password: $('password'),
  loginStatus: $('login-status'), loginError: $('login-error'), loginSubmit: $('login-submit'),
  app: $('app'), supervisor: $('supervisor'), stats: document.querySelector('#stats tbody'), alerts: $('alerts'),
  queue: $('queue'), queueCount: $('queue-count'), queueError: $('queue-error'), mine: $('mine'),
  cases: $('cases'), casesStatus: $('cases-status'), main: $('main'),
};

let locale = pickLocale(readLocal(LOCALE_KEY), navigator.languages || [navigator.language]);
let t = strings(locale);
let session = null; // the login answer: token, username, displayName, role, teams
let api = null;
let live = null;
let current = null; // the open ConversationView
let cases = [];
let alerts = []; // supervisor alerts: {frame, at}
let stats = null;
let statsTimer = 0;
let statsSoon = 0;
let wasDown = false;
const queue = new Queue(ui.queue, ui.queueCount);
const mine = new Map(); // conversationId -> {unread}
const timers = [];

function readLocal(k) { try { return localStorage.getItem(k); } catch { return null; } }
function readSession(k) { try { return JSON.parse(sessionStorage.getItem(k)); } catch { return null; } }
function writeSession(k, v) {
  try {
    if (v == null) sessionStorage.removeItem(k);
    else sessionStorage.setItem(k, JSON.stringify(v));
  } catch { /* storage off: the session lasts as long as the page */ }
}

// --- language ---------------------------------------------------------------------------------------

function setupLocales() {
  for (const l of LOCALES) {
    const o = el('option', null, LOCALE_NAMES[l]);
    o.value = l;
    o.lang = l;
    ui.locale.append(o);
  }
  ui.locale.value = locale;
  ui.locale.addEventListener('change', () => {
    locale = ui.locale.value;
    try { localStorage.setItem(LOCALE_KEY, locale); } catch { /* not kept */ }
    applyLocale();
  });
}

function applyLocale() {
  t = strings(locale);
  document.documentElement.lang = locale;
  document.title = t.appTitle;
  translateStatic(document, t);
  if (!session) return;
  if (ui.live.dataset.state) ui.live.textContent = ui.live.dataset.state === 'open' ? t.live : t.reconnecting;
  renderWho();
  renderQueue();
  renderMine();
  renderCases(ui.cases, cases, t, locale, api, caseResolved);
  if (stats) renderStats(ui.stats, stats, t, locale);
  if (session.role === 'supervisor') renderAlerts(ui.alerts, alerts, t, locale);
  if (current && current.view) current.render(t, locale);
}

// --- signing in and out -----------------------------------------------------------------------------

ui.login.addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = ui.username.value.trim();
  const password = ui.password.value;
  ui.loginError.textContent = '';
  if (!username || !password) {
    ui.loginError.textContent = t.badCredentials;
    (username ? ui.password : ui.username).focus();
    return;
  }
  // a refused sign-in makes the next one slower (the server's throttle): say that we are on it
  ui.loginStatus.textContent = t.signingIn;
  ui.loginSubmit.disabled = true;
  ui.login.setAttribute('aria-busy', 'true');
  try {
    session = await login(username, password);
    writeSession(SESSION_KEY, session);
    ui.password.value = '';
    enterApp();
  } catch (err) {
    ui.loginError.textContent = err.status === 401 ? t.badCredentials : errorText(t, err);
    ui.password.select();
    ui.password.focus();
  } finally {
    ui.loginStatus.textContent = '';
    ui.loginSubmit.disabled = false;
    ui.login.removeAttribute('aria-busy');
  }
});

ui.signout.addEventListener('click', () => signOut(null));

function signOut(message) {
  if (live) live.stop();
  live = null;
  timers.splice(0).forEach(clearInterval);
  clearTimeout(statsSoon);
  session = null;
  api = null;
  current = null;
  cases = [];
  alerts = [];
  stats = null;
  mine.clear();
  queue.setAll([], true); // the next account sees only its own teams
  clear(ui.queue);
  clear(ui.cases);
  clear(ui.mine);
  ui.queueError.textContent = '';
  ui.casesStatus.textContent = '';
  writeSession(SESSION_KEY, null);
  writeSession(MINE_KEY, null);
  writeSession(OPEN_KEY, null);
  ui.app.hidden = true;
  ui.supervisor.hidden = true;
  ui.whoami.hidden = true;
  ui.signout.hidden = true;
  ui.live.hidden = true;
  delete ui.live.dataset.state;
  clear(ui.alerts);
  resetMain();
  ui.loginView.hidden = false;
  ui.loginError.textContent = message || '';
  ui.username.focus();
}

function expired() {
  if (session) signOut(t.sessionExpired);
}

function enterApp() {
  api = makeApi(session.token, expired);
  ui.loginView.hidden = true;
  ui.app.hidden = false;
  ui.signout.hidden = false;
  ui.supervisor.hidden = session.role !== 'supervisor';
  renderWho();
  for (const id of readSession(MINE_KEY) || []) mine.set(id, { unread: false });
  renderMine();
  live = new LiveSocket(session.token, { onFrame, onState, checkSession });
  live.start();
  refreshQueue();
  refreshCases();
  checkMine();
  const wasOpen = readSession(OPEN_KEY);
  if (wasOpen) openConversation(wasOpen, true);
  if (session.role === 'supervisor') {
    renderAlerts(ui.alerts, alerts, t, locale);
    refreshStats();
    timers.push(setInterval(refreshStats, STATS_EVERY_MS));
  }
  timers.push(setInterval(() => refreshTimes(document.body), TIMES_EVERY_MS));
  timers.push(setInterval(refreshCases, CASES_EVERY_MS));
  ui.main.focus();
}

async function checkSession() {
  try {
    await api.me();
    return true;
  } catch (err) {
    return err.status !== 401;
  }
}

function renderWho() {
  ui.whoami.hidden = false;
  ui.whoami.textContent = t.signedInAs(session.displayName || session.username, t.roles[session.role] || session.role);
}

// --- the live channel -------------------------------------------------------------------------------

function onState(state) {
  ui.live.hidden = false;
  ui.live.textContent = state === 'open' ? t.live : t.reconnecting;
  ui.live.dataset.state = state;
  if (state === 'down') wasDown = true;
  if (state === 'open' && wasDown) {
    // frames were missed while down: catch up
    wasDown = false;
    refreshCases();
    if (current) reopen(current.id);
  }
}

function onFrame(f) {
  switch (f.type) {
    case 'hello':
      Object.assign(session, { displayName: f.displayName, role: f.role, teams: f.teams });
      renderWho();
      break;
    case 'queue':
      queue.setTeam(f.team, f.items);
      renderQueue();
      statsChanged();
      break;
    case 'assigned':
      // claimed here, or given to this agent by the server: marked until opened
      addMine(f.conversationId, !(current && current.id === f.conversationId));
      break;
    case 'released':
      removeMine(f.conversationId);
      if (current && current.id === f.conversationId) current.markEnded();
      refreshCases();
      break;
    case 'message':
      if (current && current.id === f.conversationId) current.addEntry(f);
      else if (mine.has(f.conversationId)) {
        mine.get(f.conversationId).unread = true;
        renderMine();
      }
      break;
    case 'typing':
      if (current && current.id === f.conversationId) current.customerTyping();
      break;
    case 'breach':
    case 'case_due':
      if (session.role === 'supervisor') {
        alerts.push({ frame: f, at: new Date().toISOString() });
        renderAlerts(ui.alerts, alerts, t, locale);
      }
      if (f.type === 'case_due') refreshCases();
      break;
    default:
      break;
  }
}

// --- queue, my conversations, cases -----------------------------------------------------------------

async function refreshQueue() {
  try {
    queue.setAll(await api.queue());
    ui.queueError.textContent = '';
    renderQueue();
  } catch (err) {
    ui.queueError.textContent = errorText(t, err);
  }
}

function renderQueue() {
  queue.render(t, locale, claim);
}

async function claim(id, btn) {
  btn.disabled = true;
  ui.queueError.textContent = '';
  try {
    await api.claim(id);
    addMine(id);
    await openConversation(id);
  } catch (err) {
    ui.queueError.textContent = errorText(t, err);
    btn.disabled = false;
    refreshQueue();
  }
}

function addMine(id, unread) {
  if (!mine.has(id)) mine.set(id, { unread: !!unread });
  saveMine();
  renderMine();
}

function removeMine(id) {
  mine.delete(id);
  saveMine();
  renderMine();
}

function saveMine() {
  writeSession(MINE_KEY, [...mine.keys()]);
}

/** Keeps only the remembered conversations that are still assigned to this agent. */
async function checkMine() {
  const calls = api;
  for (const id of [...mine.keys()]) {
    if (calls !== api) return; // signed out meanwhile
    try {
      const v = await calls.conversation(id);
      if (!v.handoff || v.handoff.state !== 'assigned' || v.handoff.agent !== session.username) removeMine(id);
    } catch (err) {
      if (err.status === 404 || err.status === 403) removeMine(id);
    }
  }
}

function renderMine() {
  const a = document.activeElement;
  const focused = ui.mine.contains(a) && a.closest('li') ? a.closest('li').dataset.conversationId : null;
  clear(ui.mine);
  if (!mine.size) {
    ui.mine.append(el('li', 'empty', t.mineEmpty));
    return;
  }
  for (const [id, m] of mine) {
    const li = el('li', m.unread ? 'unread' : null, null, { 'data-conversation-id': id });
    const b = button(t.open + ' ' + id, 'link');
    if (current && current.id === id) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => openConversation(id));
    li.append(b);
    if (m.unread) li.append(el('span', 'dot', '●', { 'aria-label': t.unread, role: 'img' }));
    ui.mine.append(li);
    if (id === focused) b.focus();
  }
}

async function refreshCases() {
  if (!api) return;
  try {
    cases = await api.openCases();
    renderCases(ui.cases, cases, t, locale, api, caseResolved);
  } catch (err) {
    ui.casesStatus.textContent = errorText(t, err);
  }
}

function caseResolved(caseId) {
  ui.casesStatus.textContent = t.caseResolved(caseId);
  refreshCases();
  $('cases-title').focus();
}

// --- supervisor -------------------------------------------------------------------------------------

async function refreshStats() {
  if (!session || session.role !== 'supervisor') return;
  try {
    stats = await api.supervisorQueues();
    renderStats(ui.stats, stats, t, locale);
  } catch { /* the next refresh tries again */ }
}

function statsChanged() {
  if (!session || session.role !== 'supervisor') return;
  clearTimeout(statsSoon);
  statsSoon = setTimeout(refreshStats, 300);
}

// --- the open conversation --------------------------------------------------------------------------

function resetMain() {
  clear(ui.main);
  ui.main.append(el('p', 'placeholder', t.noConversation));
}

/** Opens a conversation; quiet: a remembered one that is gone is just forgotten. */
async function openConversation(id, quiet) {
  const view = new ConversationView(ui.main, id, {
    api, live, me: session,
    isCurrent: (v) => current === v,
    onResolved: (cid) => { removeMine(cid); refreshCases(); },
    onClose: () => { current = null; writeSession(OPEN_KEY, null); resetMain(); renderMine(); },
  });
  try {
    await view.load();
  } catch (err) {
    if (quiet) writeSession(OPEN_KEY, null);
    else ui.queueError.textContent = errorText(t, err);
    return;
  }
  current = view;
  writeSession(OPEN_KEY, id);
  if (mine.has(id)) mine.get(id).unread = false;
  renderMine();
  view.render(t, locale);
  const title = ui.main.querySelector('#conv-title');
  if (title) title.focus();
}

async function reopen(id) {
  const view = current;
  try {
    await view.load();
    if (current === view) view.render(t, locale);
  } catch { /* shown as it was */ }
}

// --- start ------------------------------------------------------------------------------------------

setupLocales();
applyLocale();
session = readSession(SESSION_KEY);
if (session && session.token && (!session.expiresAt || Date.parse(session.expiresAt) > Date.now())) {
  enterApp();
} else {
  session = null;
  writeSession(SESSION_KEY, null);
  ui.username.focus();
}
