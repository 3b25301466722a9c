// The widget's styles, scoped to its shadow root: the host page's CSS cannot reach in, and these
// rules cannot leak out. No inline style attributes are needed (strict CSP friendly).

export const CSS = `
:host { all: initial; position: fixed; bottom: 20px; right: 20px; z-index: 2147483000;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei",
  "WenQuanYi Zen Hei", sans-serif; color: #1a1a1a; --accent: #b00020; --on-accent: #fff; }
:host([data-position="left"]) { right: auto; left: 20px; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
button, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
header :focus-visible { outline-color: var(--on-accent); outline-offset: -3px; }
.launcher { position: relative; width: 60px; height: 60px; border-radius: 50%; border: 0;
  background: var(--accent); color: var(--on-accent); cursor: pointer;
  box-shadow: 0 4px 14px rgba(0,0,0,.3); display: grid; place-items: center; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 11px; background: #fff; color: #8a0000; border: 2px solid #8a0000;
  font-size: 12px; font-weight: 700; line-height: 18px; text-align: center; }
.panel { position: absolute; bottom: 76px; right: 0; width: 370px; height: min(580px, calc(100vh - 120px));
  display: flex; flex-direction: column; background: #fff; border-radius: 12px; overflow: hidden;
  box-shadow: 0 8px 30px rgba(0,0,0,.3); border: 1px solid #c8c8c8;
  animation: rise .18s ease-out; }
:host([data-position="left"]) .panel { right: auto; left: 0; }
@keyframes rise { from { transform: translateY(12px); opacity: 0; } to { transform: none; opacity: 1; } }
header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: var(--accent);
  color: var(--on-accent); }
header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 600; }
.close { border: 0; background: transparent; color: inherit; cursor: pointer; width: 36px; height: 36px;
  border-radius: 6px; font-size: 22px; line-height: 1; }
.status { padding: 8px 14px; background: #fff4ce; color: #3d2f00; border-bottom: 1px solid #e0cf8a;
  font-size: 13px; }
.log { flex: 1; overflow-y: auto; padding: 12px; background: #f6f6f7; display: flex;
  flex-direction: column; gap: 8px; }
.msg { max-width: 85%; display: flex; flex-direction: column; gap: 2px; }
.msg .who { font-size: 12px; color: #555; }
.msg .text { padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere;
  background: #fff; border: 1px solid #dcdcdc; }
.msg time, .msg .note { font-size: 11px; color: #595959; }
.msg.customer { align-self: flex-end; align-items: flex-end; }
.msg.customer .text { background: var(--accent); color: var(--on-accent); border-color: transparent; }
.msg.pending .text { opacity: .75; }
.msg.system { align-self: center; align-items: center; max-width: 95%; }
.msg.system .text { background: #eaeaea; border: 0; font-size: 13px; }
.msg a { color: #0b4f9c; text-decoration: underline; }
.qr { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }
.qr button { border: 1px solid #595959; background: #fff; color: #1a1a1a; border-radius: 16px;
  padding: 5px 12px; cursor: pointer; }
.qr button:hover { background: #f1f1f1; border-color: var(--accent); }
.typing { padding: 4px 14px; font-size: 13px; color: #555; background: #f6f6f7; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #dcdcdc; background: #fff; }
textarea { flex: 1; resize: none; height: 42px; max-height: 120px; padding: 9px 10px;
  border: 1px solid #767676; border-radius: 8px; background: #fff; }
.send { border: 0; border-radius: 8px; padding: 0 16px; background: var(--accent); color: var(--on-accent);
  cursor: pointer; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .panel { position: fixed; inset: 0; width: auto; height: auto; border-radius: 0; }
  .panel:not([hidden]) + .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) {
  * { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
`;
