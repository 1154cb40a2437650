/**
 * The survey form's CSS, shared by the public survey page (inlined by the server) and
 * the widget (inside its shadow root). Touch targets are at least 44 px; focus is
 * always visible; the 0–10 scale wraps into two rows on narrow screens.
 */
export const FORM_CSS = `
.k-form{container-type:inline-size;color:#1a1b1e;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP","Noto Sans CJK JP",Meiryo,sans-serif}
.k-form *{box-sizing:border-box}
.k-title{font-size:1.2rem;line-height:1.45;font-weight:700;margin:0 0 16px}
.k-title:focus{outline:none}
.k-scale{display:flex;gap:6px;margin:0;padding:0;border:0}
.k-opt{flex:1 1 0;min-width:0;position:relative;display:flex}
.k-opt input{position:absolute;opacity:0;inset:0;width:100%;height:100%;margin:0;cursor:pointer}
.k-box{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;min-height:48px;min-width:44px;padding:6px 2px;border:1px solid #adb5bd;border-radius:10px;background:#fff;font-weight:600;font-size:1.05rem;text-align:center;transition:background .1s}
.k-box small{display:block;font-weight:400;font-size:.7rem;line-height:1.25;margin-top:2px;word-break:auto-phrase;overflow-wrap:anywhere}
.k-opt input:hover+.k-box{border-color:#1864ab;background:#e7f5ff}
.k-opt input:checked+.k-box{background:#1864ab;border-color:#1864ab;color:#fff}
.k-opt input:focus-visible+.k-box,.k-check input:focus-visible+span{outline:3px solid #f59f00;outline-offset:2px}
@container (max-width:559px){.k-n10,.k-n11{display:grid;grid-template-columns:repeat(6,minmax(0,1fr))}.k-n10{grid-template-columns:repeat(5,minmax(0,1fr))}}
@container (max-width:479px){.k-actions .k-btn{flex:1 1 auto}}
.k-ends{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:.8rem;color:#495057}
.k-ends span:last-child{text-align:end}
.k-selected{min-height:1.5em;margin:6px 0 0;font-size:.85rem;color:#1864ab;font-weight:600}
.k-q{margin:20px 0 0;padding:0;border:0;min-width:0}
.k-label{display:block;font-weight:600;margin:0 0 8px;padding:0}
.k-label .k-muted{white-space:nowrap}
.k-muted{color:#495057;font-weight:400}
.k-form textarea{display:block;width:100%;min-height:96px;padding:10px 12px;border:1px solid #adb5bd;border-radius:10px;font:inherit;color:inherit;background:#fff;resize:vertical}
.k-form textarea:focus-visible{outline:3px solid #f59f00;outline-offset:1px;border-color:#1864ab}
.k-check{display:flex;align-items:center;gap:10px;min-height:44px;cursor:pointer}
.k-check input{width:22px;height:22px;margin:0;accent-color:#1864ab;flex:none}
.k-check span{padding:2px 4px;border-radius:4px}
.k-actions{display:flex;flex-wrap:wrap;gap:10px;margin-top:20px}
.k-btn{min-height:48px;padding:10px 22px;border:1px solid #1864ab;border-radius:10px;background:#1864ab;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.k-btn:hover{background:#1c4f82}
.k-btn:focus-visible{outline:3px solid #f59f00;outline-offset:2px}
.k-btn[disabled]{opacity:.6;cursor:progress}
.k-btn.k-plain{background:#fff;color:#1864ab}
.k-form [role=alert]:not(:empty){margin:14px 0 0;padding:10px 12px;border-radius:8px;background:#fff5f5;border:1px solid #ffa8a8;color:#a51111}
.k-status{margin:10px 0 0;color:#2b8a3e;font-weight:600}
.k-status:empty{margin:0}
.k-sr{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-reduced-motion:reduce){.k-box{transition:none}}
`;
