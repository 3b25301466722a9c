// The console's live channel, GET /ws/agent?token=...: JSON frames in, typing frames out, and
// reconnection with backoff and jitter. A refused handshake looks like any drop to a browser, so
// after a drop the caller's checkSession() decides whether to try again (false: stop).

const MAX_BACKOFF_MS = 15000;

export class LiveSocket {
  /**
   * @param {string} token the session's token
   * @param {{onFrame: Function, onState: Function, checkSession: () => Promise<boolean>}} handlers
   */
  constructor(token, handlers) {
    this.token = token;
    this.h = handlers;
    this.ws = null;
    this.attempt = 0;
    this.timer = 0;
    this.stopped = false;
  }

  start() {
    const url = new URL('/ws/agent', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', this.token);
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.h.onState('open');
    };
    ws.onmessage = (e) => {
      let f;
      try { f = JSON.parse(e.data); } catch { return; }
      if (f && typeof f.type === 'string') this.h.onFrame(f);
    };
    ws.onclose = () => {
      if (this.ws !== ws || this.stopped) return;
      this.ws = null;
      this.h.onState('down');
      this.retry();
    };
  }

  async retry() {
    const ok = await this.h.checkSession().catch(() => true);
    if (!ok || this.stopped) return;
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt++);
    this.timer = setTimeout(() => this.start(), base / 2 + Math.random() * base / 2);
  }

  /** Tells the customer of an assigned conversation that the agent is typing. */
  typing(conversationId) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify({ type: 'typing', conversationId }));
    }
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000, 'signed out');
    this.ws = null;
  }
}
