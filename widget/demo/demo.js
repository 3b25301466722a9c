// Adds the widget's embed tag to the demo page, with what the query string asks for:
//   ?locale=zh-Hans|zh-Hant|en  &position=left  &color=%23005a9c
//   &customerId=C123&hash=<hex HMAC-SHA256 of C123 with PARLEY_IDENTITY_SECRET>&name=...
// On a real site the brokerage's server writes the tag, hash included, into its pages.
const q = new URLSearchParams(location.search);
const s = document.createElement('script');
s.type = 'module';
s.src = '/widget/parley.js';
const locale = q.get('locale');
if (locale) s.dataset.locale = locale;
s.dataset.position = q.get('position') || 'right';
if (q.get('color')) s.dataset.color = q.get('color');
if (q.get('title')) s.dataset.title = q.get('title');
if (q.get('customerId') && q.get('hash')) {
  s.dataset.customerId = q.get('customerId');
  s.dataset.customerHash = q.get('hash');
  if (q.get('name')) s.dataset.customerName = q.get('name');
  const note = document.getElementById('signed');
  note.textContent = `已登入示範客戶 Signed in as demo customer ${q.get('customerId')}`;
  note.hidden = false;
}
document.head.append(s);
for (const a of document.querySelectorAll('nav a')) {
  if (a.dataset.locale === locale) a.setAttribute('aria-current', 'page');
}
if (locale) document.documentElement.lang = locale;
