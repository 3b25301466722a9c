// Small DOM and formatting helpers. Every text goes in as a text node, never as HTML.

/** Creates an element with a class and optional text; attrs are set as attributes. */
export function el(tag, cls, text, attrs) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v != null) e.setAttribute(k, String(v));
  }
  return e;
}

/** A button of type "button" (never submits by accident). */
export function button(text, cls, attrs) {
  const b = el('button', cls, text, attrs);
  b.type = 'button';
  return b;
}

/** A label + control pair; the label points at the control by id. */
export function field(labelText, control, id) {
  control.id = id;
  const l = el('label', null, labelText);
  l.htmlFor = id;
  const wrap = el('div', 'field');
  wrap.append(l, control);
  return wrap;
}

/** A <select> of values with the given labels. */
export function select(options, value) {
  const s = el('select');
  for (const [v, label] of Object.entries(options)) {
    const o = el('option', null, label);
    o.value = v;
    if (v === value) o.selected = true;
    s.append(o);
  }
  return s;
}

export function clear(e) {
  while (e.firstChild) e.firstChild.remove();
  return e;
}

/** A <time> showing "3 minutes ago" (refreshed by refreshTimes), with the full time as its title. */
export function relativeTime(iso, locale) {
  const d = new Date(iso);
  const t = el('time', 'rel');
  if (isNaN(d)) return t;
  t.dateTime = d.toISOString();
  t.dataset.locale = locale;
  t.title = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
  t.textContent = relative(d, locale);
  return t;
}

function relative(d, locale, now = Date.now()) {
  const s = Math.round((d.getTime() - now) / 1000);
  const f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const a = Math.abs(s);
  if (a < 60) return f.format(s, 'second');
  if (a < 3600) return f.format(Math.round(s / 60), 'minute');
  if (a < 86400) return f.format(Math.round(s / 3600), 'hour');
  return f.format(Math.round(s / 86400), 'day');
}

/** Brings every relative <time> under root up to date. */
export function refreshTimes(root) {
  for (const t of root.querySelectorAll('time.rel[datetime]')) {
    t.textContent = relative(new Date(t.dateTime), t.dataset.locale);
  }
}

/** A <time> with the clock time (and the day when it is not today). */
export function clockTime(iso, locale) {
  const d = new Date(iso);
  const t = el('time');
  if (isNaN(d)) return t;
  t.dateTime = d.toISOString();
  const today = d.toDateString() === new Date().toDateString();
  const opts = today ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  t.textContent = new Intl.DateTimeFormat(locale, opts).format(d);
  return t;
}

/** 75 -> "1 min 15 s" style, in the locale's units. */
export function duration(seconds, locale) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  const unit = (n, u) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
  const two = (a, ua, b, ub) => unit(a, ua) + (b ? ' ' + unit(b, ub) : '');
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return two(Math.floor(s / 60), 'minute', s % 60, 'second');
  return two(Math.floor(s / 3600), 'hour', Math.floor((s % 3600) / 60), 'minute');
}

/** Any JSON value as short text: strings as they are, the rest as JSON. */
export function plain(v) {
  if (v == null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
