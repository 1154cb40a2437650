/**
 * The public survey page's script (dist/widget/page.js) for /s/{token}: loads the
 * survey through the public API and renders it with the widget's form. Opening the
 * page (or a one-click score link, ?score=N) records no answer; only the confirm does.
 */
import type { WidgetSurvey } from '../shared/contracts/widget.ts';
import { api } from './api.ts';
import { h } from './dom.ts';
import { renderSurvey } from './form.ts';
import { messagesFor } from './messages.ts';

async function start(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang');
  const score = params.get('score');
  const token = root.dataset.token ?? '';
  const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  const result = await api<WidgetSurvey>('', `/api/v1/public/surveys/${encodeURIComponent(token)}${query}`);
  const survey = result.data;
  if (!survey) {
    const ja = (lang ?? document.documentElement.lang).startsWith('ja');
    const messages = messagesFor(ja ? 'ja' : 'en');
    const other = messagesFor(ja ? 'en' : 'ja');
    const invalid = result.field === 'body.token' || result.status === 404;
    const text = (m: typeof messages) => (invalid ? m.invalid : result.status === 429 ? m.tooMany : m.loadFailed);
    root.replaceChildren(
      h('h1', { class: 'k-title', tabindex: -1 }, invalid ? messages.invalidTitle : text(messages)),
      ...(invalid ? [h('p', {}, text(messages))] : []),
      // Whose link this is cannot be known when it is broken: say it in the other language too.
      h('p', { class: 'k-muted', lang: ja ? 'en' : 'ja' }, text(other)),
    );
    root.querySelector<HTMLElement>('h1')?.focus();
    return;
  }
  document.documentElement.lang = survey.language;
  document.title = `${survey.brand.workspaceName} — ${survey.questions[0]?.prompt ?? ''}`;
  const brand = document.getElementById('koe-brand');
  if (brand) brand.textContent = survey.brand.workspaceName;
  renderSurvey(root, {
    survey,
    base: '',
    preselected: score !== null && /^\d{1,2}$/.test(score) ? Number(score) : undefined,
    titleId: 'koe-title',
    heading: 'h1',
    // A reload after answering shows the saved answer, not the score from the email link.
    onAnswered: () => history.replaceState(null, '', location.pathname + (lang ? query : '')),
  });
}

const root = document.getElementById('koe-survey');
if (root) void start(root);
