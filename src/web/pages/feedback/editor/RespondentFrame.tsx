import { useEffect, useRef } from 'react';
import { h } from '../../../../widget/dom.ts';
import { renderSurvey } from '../../../../widget/form.ts';
import { messagesFor } from '../../../../widget/messages.ts';
import { FORM_CSS } from '../../../../widget/styles.ts';
import type { RespondentView } from './respondentView.ts';

/** The page around the form: a card on a grey page, the workspace's name above it. */
const FRAME_CSS = `
:host{display:block}
.k-page{background:#f1f3f5;padding:24px 16px;min-height:100%}
.k-card{max-width:600px;margin:0 auto;background:#fff;border:1px solid #dee2e6;border-radius:16px;padding:28px 24px}
.k-brand{max-width:600px;margin:0 auto 12px;font:600 14px/1.4 system-ui,sans-serif;color:#495057}
`;

interface RespondentFrameProps {
  view: RespondentView;
  workspaceName: string;
  /** Changing it starts the preview over (a new score can be tried). */
  resetKey: number;
}

/**
 * The survey rendered by the public page's own code (src/widget/form.ts) inside a shadow
 * root, so the preview is exactly what the respondent sees. Submitting shows the
 * thank-you here and never calls the server.
 */
export function RespondentFrame({ view, workspaceName, resetKey }: RespondentFrameProps) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    void resetKey;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const messages = messagesFor(view.language);
    const card = h('div', { class: 'k-card', lang: view.language });
    shadow.replaceChildren(
      h('style', {}, FORM_CSS + FRAME_CSS),
      h('div', { class: 'k-page' }, h('div', { class: 'k-brand' }, workspaceName), card),
    );
    const titleId = 'koe-preview-title';
    renderSurvey(card, {
      survey: {
        ...view,
        surveyId: '00000000-0000-0000-0000-000000000000',
        token: 'preview',
        response: null,
        brand: { workspaceName },
      },
      base: '',
      titleId,
      heading: 'h2',
    });

    // Runs before the form's own handler: with a score chosen, show the thank-you instead of sending.
    const intercept = (event: Event) => {
      const form = event.target instanceof HTMLFormElement ? event.target : null;
      const checked = form?.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!form || !checked) return;
      event.preventDefault();
      event.stopPropagation();
      card.replaceChildren(
        h(
          'div',
          { class: 'k-form' },
          h('h2', { class: 'k-title' }, view.thankYou),
          h('p', { class: 'k-muted' }, `${messages.yourAnswer}${checked.value}`),
        ),
      );
    };
    shadow.addEventListener('submit', intercept, true);
    return () => shadow.removeEventListener('submit', intercept, true);
  }, [view, workspaceName, resetKey]);

  return <div ref={hostRef} data-testid="survey-preview-frame" />;
}
