// DOM of the widget inside its shadow root. Every text from the server goes in as text nodes,
// never as HTML; links in bot, agent and system messages become <a> only for http(s) URLs.

const URL_RE = /\bhttps?:\/\/[^\s<>"'\u3000-\u303f\uff01-\uff0f]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Creates an element with a class and optional text (as a text node). */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

/** Appends {@code text} to {@code parent}, with http/https URLs as safe links. */
export function appendLinked(parent, text) {
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    const cut = url.match(TRAILING);
    if (cut) url = url.slice(0, -cut[0].length);
    let href = null;
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href;
    } catch { /* not a URL: stays text */ }
    if (!href) continue;
    parent.append(document.createTextNode(text.slice(last, m.index)));
    const a = el('a', null, url);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    parent.append(a);
    last = m.index + url.length;
  }
  parent.append(document.createTextNode(text.slice(last)));
}

const ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';

/** Builds the launcher and the panel; returns the parts the controller drives. */
export function build(root, t, title) {
  const launcher = el('button', 'launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'parley-panel');
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', ICON);
  svg.append(path);
  const badge = el('span', 'badge');
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  launcher.append(svg, badge);

  const panel = el('section', 'panel');
  panel.id = 'parley-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'parley-title');
  const header = el('header');
  const h = el('h2', null, title);
  h.id = 'parley-title';
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', t.close);
  header.append(h, close);
  const status = el('div', 'status');
  status.setAttribute('role', 'status');
  status.hidden = true;
  const log = el('div', 'log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', t.log);
  log.tabIndex = 0;
  const typing = el('div', 'typing');
  typing.setAttribute('aria-live', 'polite');
  typing.hidden = true;
  const form = el('form');
  const label = el('label', 'sr', t.inputLabel);
  label.htmlFor = 'parley-input';
  const input = el('textarea');
  input.id = 'parley-input';
  input.rows = 1;
  input.placeholder = t.placeholder;
  input.maxLength = 4000;
  const send = el('button', 'send', t.send);
  send.type = 'submit';
  form.append(label, input, send);
  panel.append(header, status, log, typing, form);
  root.append(panel, launcher);
  return { launcher, badge, panel, close, status, log, typing, form, input };
}
