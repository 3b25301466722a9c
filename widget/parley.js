// Parley website chat widget. Embed with one tag:
//   <script type="module" src="https://parley.example/widget/parley.js" data-locale="zh-Hant"></script>
// Attributes: data-locale, data-position (right|left), data-title, data-color, and for a logged-in
// customer data-customer-id + data-customer-hash (+ data-customer-name). See widget/README.md.

import { pickLocale, strings } from './src/i18n.js';
import { CSS } from './src/styles.js';
import { build, el, appendLinked } from './src/view.js';
import { Connection } from './src/connection.js';

const TYPING_MS = 8000;

function findScript() {
  for (const s of document.querySelectorAll('script[src]')) {
    if (s.src === import.meta.url) return s;
  }
  return null;
}

/** Readable text colour on the accent: black on light accents, white on dark ones. */
function onAccent(color) {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color || '');
  if (!m) return null;
  let hex = m[1];
  if (hex.length === 3) hex = hex.replace(/./g, '$&$&');
  const lin = (i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * lin(0) + 0.7152 * lin(2) + 0.0722 * lin(4);
  return { accent: '#' + hex, text: lum > 0.18 ? '#000' : '#fff' };
}

function storageFor(key) {
  return {
    load() {
      try { return JSON.parse(localStorage.getItem(key)) || {}; } catch { return {}; }
    },
    save(v) {
      try { localStorage.setItem(key, JSON.stringify(v)); } catch { /* private mode: no resume */ }
    },
  };
}

function mount(script) {
  const d = script ? script.dataset : {};
  const locale = pickLocale(d.locale, navigator.languages || [navigator.language]);
  const t = strings(locale);
  const wsUrl = new URL('../ws/chat', import.meta.url);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const identity = d.customerId && d.customerHash
    ? { customerId: d.customerId, hash: d.customerHash, ...(d.customerName ? { name: d.customerName } : {}) }
    : null;
  const scope = `parley:${wsUrl.host}${wsUrl.pathname}:${identity ? 'id:' + identity.customerId : 'anon'}`;
  const storage = storageFor(scope);

  const host = document.createElement('parley-chat');
  host.dataset.position = d.position === 'left' ? 'left' : 'right';
  host.lang = locale;
  const root = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', null, CSS));
  }
  const colors = onAccent(d.color);
  if (colors) {
    host.style.setProperty('--accent', colors.accent);
    host.style.setProperty('--on-accent', colors.text);
  }
  const ui = build(root, t, d.title || t.title);
  document.body.append(host);

  const fmtTime = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const fmtDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const fmtWhen = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  let isOpen = false;
  let unread = 0;
  let connState = 'connecting';
  let handoff = null; // the latest handoff frame
  let typingTimer = 0;
  const pending = new Map(); // clientMsgId -> {node, seq}

  function save(patch) { storage.save({ ...storage.load(), ...patch }); }

  function renderBadge() {
    ui.badge.hidden = isOpen || unread === 0;
    ui.badge.textContent = unread > 99 ? '99+' : String(unread);
    ui.launcher.setAttribute('aria-label', unread && !isOpen ? `${t.open} (${t.unread(unread)})` : t.open);
  }

  function renderStatus() {
    let text = null;
    if (connState === 'connecting') text = t.connecting;
    else if (connState === 'reconnecting') text = t.reconnecting;
    else if (connState === 'offline') text = t.offline;
    else if (handoff) {
      const team = t.teams[handoff.team] || t.teams.general;
      if (handoff.status === 'queued') {
        const when = handoff.opensAt && !isNaN(Date.parse(handoff.opensAt)) ? fmtWhen.format(new Date(handoff.opensAt)) : null;
        text = when ? t.opensAt(team, when) : t.waiting(team, handoff.position);
      } else if (handoff.status === 'assigned') {
        text = t.assigned(handoff.agentName || t.agent);
      } else if (handoff.status === 'ended') {
        text = t.ended;
      }
    }
    ui.status.hidden = !text;
    ui.status.textContent = text || '';
    ui.status.dataset.state = connState === 'open' && handoff ? 'handoff-' + handoff.status : connState;
  }

  function setOpen(open, focusLauncher) {
    isOpen = open;
    ui.panel.hidden = !open;
    ui.launcher.setAttribute('aria-expanded', String(open));
    try { sessionStorage.setItem(scope + ':open', open ? '1' : ''); } catch { /* ignore */ }
    if (open) {
      unread = 0;
      save({ readSeq: conn.lastSeq });
      ui.log.scrollTop = ui.log.scrollHeight;
      ui.input.focus();
    } else if (focusLauncher) {
      ui.launcher.focus();
    }
    renderBadge();
  }

  function showTyping(who) {
    clearTimeout(typingTimer);
    ui.typing.textContent = t.typing(who);
    ui.typing.hidden = false;
    typingTimer = setTimeout(hideTyping, TYPING_MS);
  }
  function hideTyping() {
    clearTimeout(typingTimer);
    ui.typing.hidden = true;
  }

  function clearQuickReplies() {
    for (const q of ui.log.querySelectorAll('.qr')) q.remove();
  }

  function scrollDown() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function bubble(from, text, whoLabel, ts) {
    const m = el('div', 'msg ' + from);
    if (from !== 'customer') m.append(el('span', 'who', whoLabel));
    const body = el('div', 'text');
    if (from === 'customer') body.textContent = text;
    else appendLinked(body, text);
    m.append(body);
    if (ts) {
      const d = new Date(ts);
      if (!isNaN(d)) {
        const today = d.toDateString() === new Date().toDateString();
        const time = el('time', null, (today ? fmtTime : fmtDay).format(d));
        time.dateTime = d.toISOString();
        m.append(time);
      }
    }
    return m;
  }

  function onMessage(f) {
    const from = ['customer', 'bot', 'agent', 'system'].includes(f.from) ? f.from : 'system';
    const text = typeof f.text === 'string' ? f.text : '';
    const who = from === 'agent' ? (f.agentName || t.agent) : t[from];
    clearQuickReplies();
    const m = bubble(from, text, who, f.ts);
    m.dataset.seq = String(f.seq);
    m.dataset.from = from;
    if (Array.isArray(f.quickReplies) && f.quickReplies.length) {
      const qr = el('div', 'qr');
      qr.setAttribute('role', 'group');
      qr.setAttribute('aria-label', t.quickReplies);
      for (const q of f.quickReplies) {
        if (!q || typeof q.payload !== 'string') continue;
        const title = typeof q.title === 'string' && q.title ? q.title : q.payload;
        const b = el('button', null, title);
        b.type = 'button';
        b.addEventListener('click', () => {
          clearQuickReplies();
          submit({ type: 'postback', payload: q.payload, title }, title);
        });
        qr.append(b);
      }
      m.append(qr);
    }
    // a pending bubble whose ack named this seq gives way to the stored message
    for (const [id, p] of pending) {
      if (p.seq === f.seq) { p.node.remove(); pending.delete(id); }
    }
    const firstPending = ui.log.querySelector('.msg.pending');
    ui.log.insertBefore(m, firstPending);
    if (from !== 'customer') hideTyping();
    if (from !== 'customer' && !isOpen && f.seq > (storage.load().readSeq || 0)) unread++;
    if (isOpen) save({ readSeq: f.seq });
    renderBadge();
    scrollDown();
  }

  function submit(frame, shown) {
    if (handoff && handoff.status === 'ended') {
      handoff = null; // "the assistant is back" has been seen
      renderStatus();
    }
    const id = conn.send(frame);
    const node = bubble('customer', shown, null, null);
    node.classList.add('pending');
    node.dataset.clientMsgId = id;
    const note = el('span', 'note', conn.open ? t.sending : t.queued);
    node.append(note);
    ui.log.append(node);
    pending.set(id, { node, note, seq: null });
    if (conn.open && !handoff) showTyping(t.bot);
    scrollDown();
  }

  const conn = new Connection(wsUrl.href, {
    locale: d.locale === locale ? locale : null, // none: the conversation follows the customer's script
    identity,
    storage,
    on: {
      state(s) {
        connState = s;
        for (const p of pending.values()) p.note.textContent = s === 'open' ? t.sending : t.queued;
        renderStatus();
      },
      welcome(f) {
        host.dataset.conversationId = f.conversationId;
        if (ui.log.dataset.conversationId && ui.log.dataset.conversationId !== f.conversationId) {
          for (const m of ui.log.querySelectorAll('.msg:not(.pending)')) m.remove();
          handoff = null;
        }
        ui.log.dataset.conversationId = f.conversationId;
      },
      message: onMessage,
      ack(f) {
        const p = pending.get(f.clientMsgId);
        if (!p) return;
        if (ui.log.querySelector(`.msg[data-seq="${Number(f.seq)}"]`)) {
          p.node.remove();
          pending.delete(f.clientMsgId);
        } else {
          p.seq = f.seq;
        }
      },
      handoff(f) {
        handoff = f;
        if (f.status !== 'queued' || f.opensAt) hideTyping();
        renderStatus();
      },
      typing(f) {
        if (f.from === 'agent') showTyping(handoff && handoff.agentName ? handoff.agentName : t.agent);
        else if (f.from === 'bot') showTyping(t.bot);
      },
      error(f, item) {
        if (item && pending.has(item.clientMsgId)) {
          const p = pending.get(item.clientMsgId);
          p.note.textContent = t.failed;
          p.node.classList.add('failed');
          hideTyping();
        }
        if (f.code !== 'bad_resume_token') console.warn('parley:', f.code, f.message);
      },
    },
  });

  ui.launcher.addEventListener('click', () => setOpen(!isOpen, false));
  ui.close.addEventListener('click', () => setOpen(false, true));
  ui.panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); setOpen(false, true); }
  });
  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = '';
    submit({ type: 'message', text }, text);
  });
  let lastTyping = 0;
  ui.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      ui.form.requestSubmit();
    } else if (Date.now() - lastTyping > 3000) {
      lastTyping = Date.now();
      conn.typing();
    }
  });

  renderBadge();
  renderStatus();
  conn.start();
  try {
    if (sessionStorage.getItem(scope + ':open')) setOpen(true, false);
  } catch { /* ignore */ }
  host.parley = { open: () => setOpen(true, false), close: () => setOpen(false, false), reconnect: () => conn.drop() };
  return host;
}

if (!customElements.get('parley-chat')) {
  customElements.define('parley-chat', class extends HTMLElement {});
  const script = findScript();
  if (document.body) mount(script);
  else addEventListener('DOMContentLoaded', () => mount(script), { once: true });
}
