/**
 * The widget's survey dialog (dist/widget/app.js), loaded by the loader only when a
 * survey is to be shown. Lives in a shadow root, so the host page's CSS cannot reach
 * it and its CSS cannot leak out.
 */
import type { WidgetSurvey } from '../shared/contracts/widget.ts';
import { sendEvent } from './api.ts';
import { focusables, h } from './dom.ts';
import { renderSurvey } from './form.ts';
import { messagesFor } from './messages.ts';
import { FORM_CSS } from './styles.ts';

const DIALOG_CSS = `
:host{all:initial}
.k-dialog{box-sizing:border-box;position:fixed;right:20px;bottom:20px;z-index:2147483000;width:min(420px,calc(100vw - 40px));max-height:calc(100vh - 40px);overflow:auto;background:#fff;color:#1a1b1e;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.22),0 2px 8px rgba(0,0,0,.12);padding:16px 20px 20px;animation:k-in .18s ease-out;text-align:start}
.k-brandline{margin:0 44px 6px 0;font:600 13px/1.4 system-ui,sans-serif;color:#495057}
.k-dialog .k-title{font-size:1.05rem;margin-bottom:14px}
.k-close{position:absolute;top:6px;right:6px;width:44px;height:44px;border:0;border-radius:10px;background:transparent;font:26px/1 system-ui,sans-serif;color:#495057;cursor:pointer}
.k-close:hover{background:#f1f3f5}
.k-close:focus-visible{outline:3px solid #f59f00;outline-offset:-3px}
@media (max-width:480px){.k-dialog{left:0;right:0;bottom:0;width:100%;max-height:85vh;border-radius:16px 16px 0 0;padding:14px 16px calc(16px + env(safe-area-inset-bottom))}}
@keyframes k-in{from{transform:translateY(12px);opacity:0}}
@media (prefers-reduced-motion:reduce){.k-dialog{animation:none}}
`;

export interface OpenContext {
  /** Origin of the Koe server. */
  base: string;
  onClose(): void;
}

/** Shows the survey in a dialog: focus moves in and stays in, Esc or × closes it (recorded as dismissed). */
export function open(survey: WidgetSurvey, context: OpenContext): void {
  const messages = messagesFor(survey.language);
  const host = h('div', { 'data-koe': 'survey' });
  const shadow = host.attachShadow({ mode: 'open' });
  const body = h('div');
  const close = h('button', { type: 'button', class: 'k-close', 'aria-label': messages.close }, '×');
  const dialog = h(
    'div',
    { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'koe-title', class: 'k-dialog', lang: survey.language },
    close,
    h('p', { class: 'k-brandline' }, survey.brand.workspaceName),
    body,
  );
  shadow.append(h('style', {}, FORM_CSS + DIALOG_CSS), dialog);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let answered = false;
  const finish = () => {
    host.remove();
    previous?.focus();
    context.onClose();
  };
  const dismiss = () => {
    if (!answered) void sendEvent(context.base, survey.token, 'dismissed');
    finish();
  };
  close.addEventListener('click', dismiss);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dismiss();
    } else if (event.key === 'Tab') {
      const items = focusables(dialog);
      const first = items[0];
      const last = items[items.length - 1];
      const active = shadow.activeElement;
      if (event.shiftKey && (active === first || !dialog.contains(active))) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  });
  renderSurvey(body, {
    survey,
    base: context.base,
    titleId: 'koe-title',
    heading: 'h2',
    onAnswered: () => {
      answered = true;
    },
    afterThanks: (container) => {
      const done = h('button', { type: 'button', class: 'k-btn k-plain' }, messages.close);
      done.addEventListener('click', finish);
      container.append(h('div', { class: 'k-actions' }, done));
    },
  });
  document.body.append(host);
  void sendEvent(context.base, survey.token, 'opened');
  (shadow.querySelector<HTMLInputElement>('input:checked') ?? shadow.querySelector<HTMLInputElement>('input'))?.focus();
}
