// The web chat protocol client (contracts §1): hello / resume with lastSeq, reconnection with
// backoff and jitter, an outbox of customer messages that are resent with their clientMsgId until
// acknowledged (the server de-duplicates), and retries of store_unavailable.

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10000;
const RETRYABLE = new Set(['store_unavailable', 'rate_limited', 'internal']);

export function newId() {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** A delay for attempt n: exponential, capped, with jitter between half and all of it. */
export function backoff(attempt) {
  const d = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(d / 2 + Math.random() * d / 2);
}

export class Connection {
  /**
   * @param url the /ws/chat URL
   * @param opts {locale?, identity?, storage: {load(), save(obj)}, on: {state, welcome, message,
   *   ack, handoff, typing, error}}
   */
  constructor(url, opts) {
    this.url = url;
    this.opts = opts;
    this.on = opts.on;
    this.ws = null;
    this.open = false; // welcomed on the current socket
    this.attempt = 0;
    this.timer = 0;
    this.lastSeq = 0;
    this.conversationId = null;
    this.outbox = []; // {clientMsgId, frame, retryTimer}
  }

  start() {
    addEventListener('online', () => this.reconnectNow());
    addEventListener('offline', () => this.on.state('offline'));
    this.connect();
  }

  connect() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.on.state(this.conversationId ? 'reconnecting' : 'connecting');
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify(this.hello()));
    ws.onmessage = (e) => {
      if (this.ws !== ws) return;
      let f;
      try { f = JSON.parse(e.data); } catch { return; }
      if (f && typeof f === 'object') this.onFrame(f);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.open = false;
      this.scheduleReconnect();
    };
  }

  hello() {
    const h = { type: 'hello' };
    if (this.opts.locale) h.locale = this.opts.locale;
    const saved = this.opts.storage.load();
    if (saved.token) {
      h.resumeToken = saved.token;
      if (this.lastSeq > 0 && saved.conversationId === this.conversationId) h.lastSeq = this.lastSeq;
    }
    if (this.opts.identity) h.identity = this.opts.identity;
    return h;
  }

  scheduleReconnect() {
    if (this.timer) return;
    this.on.state(navigator.onLine === false ? 'offline' : 'reconnecting');
    this.timer = setTimeout(() => { this.timer = 0; this.connect(); }, backoff(this.attempt++));
  }

  reconnectNow() {
    if (this.ws && this.open) return;
    if (this.ws) { this.ws.onclose = null; this.ws.close(); this.ws = null; }
    this.attempt = 0;
    this.connect();
  }

  /** Drops the socket as a network loss would and reconnects (for the page's own use and tests). */
  drop() {
    if (this.ws) this.ws.close();
  }

  onFrame(f) {
    switch (f.type) {
      case 'welcome': {
        const saved = this.opts.storage.load();
        if (f.conversationId !== this.conversationId) this.lastSeq = 0; // another conversation: replay all
        this.conversationId = f.conversationId;
        this.opts.storage.save({ ...saved, token: f.resumeToken, conversationId: f.conversationId,
          readSeq: saved.conversationId === f.conversationId ? saved.readSeq || 0 : 0 });
        this.open = true;
        this.attempt = 0;
        this.on.welcome(f);
        this.on.state('open');
        for (const item of this.outbox) this.transmit(item);
        break;
      }
      case 'message':
        if (typeof f.seq !== 'number' || f.seq <= this.lastSeq) return; // seen already
        this.lastSeq = f.seq;
        this.on.message(f);
        break;
      case 'ack': {
        const i = this.outbox.findIndex((m) => m.clientMsgId === f.clientMsgId);
        if (i >= 0) {
          clearTimeout(this.outbox[i].retryTimer);
          this.outbox.splice(i, 1);
        }
        this.on.ack(f);
        break;
      }
      case 'handoff':
        this.on.handoff(f);
        break;
      case 'typing':
        this.on.typing(f);
        break;
      case 'error':
        this.onError(f);
        break;
      default:
        break; // clients ignore what they do not know
    }
  }

  onError(f) {
    const item = f.clientMsgId && this.outbox.find((m) => m.clientMsgId === f.clientMsgId);
    if (item && RETRYABLE.has(f.code)) {
      item.tries = (item.tries || 0) + 1;
      clearTimeout(item.retryTimer);
      item.retryTimer = setTimeout(() => this.transmit(item), backoff(Math.min(item.tries, 5)));
      return;
    }
    if (item) {
      this.outbox.splice(this.outbox.indexOf(item), 1);
      this.on.error(f, item);
      return;
    }
    if (!this.open && RETRYABLE.has(f.code)) {
      // hello was not processed (the server is starting or its store is down): try again later
      const ws = this.ws;
      this.ws = null;
      if (ws) { ws.onclose = null; ws.close(); }
      this.scheduleReconnect();
      return;
    }
    this.on.error(f, null);
  }

  /** Queues a customer message or postback; it is sent now if connected, else once back. */
  send(frame) {
    const item = { clientMsgId: newId(), frame };
    frame.clientMsgId = item.clientMsgId;
    this.outbox.push(item);
    this.transmit(item);
    return item.clientMsgId;
  }

  transmit(item) {
    if (this.open && this.ws && this.ws.readyState === WebSocket.OPEN && this.outbox.includes(item)) {
      this.ws.send(JSON.stringify(item.frame));
    }
  }

  typing() {
    if (this.open && this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send('{"type":"typing"}');
    }
  }
}
