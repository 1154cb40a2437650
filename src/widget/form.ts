import type { WidgetSurvey } from '../shared/contracts/widget.ts';
import { api, failureText } from './api.ts';
import { h } from './dom.ts';
import { type Messages, messagesFor } from './messages.ts';
import { type Answer, type Field, renderField } from './questions.ts';
import { pointLabel, renderScale } from './scale.ts';

export interface SurveyFormOptions {
  survey: WidgetSurvey;
  /** Origin of the Koe API; '' on the survey page (same origin). */
  base: string;
  /** A score chosen in an email (one-click link): shown selected, recorded only on confirm. */
  preselected?: number | undefined;
  /** Id of the heading that names the form (and the widget's dialog). */
  titleId: string;
  heading: 'h1' | 'h2';
  /** Called after the first successful submit. */
  onAnswered?(): void;
  /** Adds controls under the thank-you (the widget's close button). */
  afterThanks?(container: HTMLElement): void;
}

interface Saved {
  score: number | null;
  comment: string | null;
  thankYou: string;
}

const send = (options: SurveyFormOptions, body: Record<string, unknown>) =>
  api<Saved>(options.base, '/api/v1/public/responses', {
    token: options.survey.token,
    language: options.survey.language,
    ...body,
  });

function busy(button: HTMLButtonElement, on: boolean, label: string, messages: Messages) {
  button.disabled = on;
  button.setAttribute('aria-busy', String(on));
  button.textContent = on ? messages.sending : label;
}

/** Everything the form answers: the first comment question is `comment`, the rest are `answers`. */
function collect(fields: Field[], hadComment: boolean) {
  const body: { comment?: string | null; answers: Answer[] } = { answers: [] };
  let commentSeen = false;
  for (const field of fields) {
    const answer = field.answer();
    if (field.question.type === 'comment' && !commentSeen) {
      commentSeen = true;
      // An empty box sends nothing, unless it clears a comment given before.
      if (answer?.text || hadComment) body.comment = answer?.text ?? null;
    } else if (answer && (answer.text !== null || answer.optionIds)) body.answers.push(answer);
  }
  return body;
}

/**
 * The survey as a form: the score scale, then the other questions, then one confirm
 * button. Nothing is sent before that button is pressed, so a mail scanner opening a
 * one-click score link records nothing.
 */
export function renderSurvey(root: HTMLElement, options: SurveyFormOptions): void {
  const { survey, titleId } = options;
  const messages = messagesFor(survey.language);
  const [scoreQuestion, ...others] = survey.questions;
  if (!scoreQuestion) return;
  const { min, max } = survey.scale;
  const wanted = options.preselected ?? survey.response?.score ?? null;
  const selected = wanted !== null && wanted >= min && wanted <= max ? wanted : null;
  const title = h(options.heading, { id: titleId, class: 'k-title', tabindex: -1 }, scoreQuestion.prompt);
  const scale = renderScale(survey, scoreQuestion, titleId, selected, messages);
  const firstComment = others.find((q) => q.type === 'comment');
  const fields = others.map((q) =>
    renderField(q, titleId, messages, q === firstComment ? (survey.response?.comment ?? null) : null),
  );
  const error = h('p', { role: 'alert', id: `${titleId}-error` });
  const label = survey.response ? messages.update : messages.send;
  const button = h('button', { type: 'submit', class: 'k-btn' }, label);
  const form = h(
    'form',
    { class: 'k-form', novalidate: true, 'aria-labelledby': titleId },
    title,
    scale.element,
    ...fields.map((f) => f.element),
    error,
    h('div', { class: 'k-actions' }, button),
  );
  scale.group.setAttribute('aria-describedby', error.id);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const score = scale.value();
    const missing = fields.find((f) => f.missing());
    if (score === null || missing) {
      error.textContent = score === null ? messages.chooseScore : messages.required;
      scale.group.setAttribute('aria-invalid', String(score === null));
      if (score === null) scale.focus();
      else missing?.focus();
      return;
    }
    error.textContent = '';
    scale.group.removeAttribute('aria-invalid');
    busy(button, true, label, messages);
    const result = await send(options, { score, ...collect(fields, Boolean(survey.response?.comment)) });
    busy(button, false, label, messages);
    if (!result.data) {
      error.textContent = failureText(result, messages);
      return;
    }
    options.onAnswered?.();
    renderThanks(root, options, result.data, messages);
  });
  root.replaceChildren(form);
}

/** After the confirm: the thank-you, the answer given, and the comment to add or edit (it merges). */
function renderThanks(root: HTMLElement, options: SurveyFormOptions, saved: Saved, messages: Messages): void {
  const { survey, titleId } = options;
  const scoreQuestion = survey.questions[0];
  const commentQuestion = survey.questions.find((q) => q.type === 'comment');
  const heading = h(options.heading, { id: titleId, class: 'k-title', tabindex: -1 }, saved.thankYou);
  const words = scoreQuestion && saved.score !== null ? pointLabel(survey, scoreQuestion, saved.score, messages) : '';
  const [open, close] = messages.parens;
  const summary = h(
    'p',
    { class: 'k-muted' },
    messages.yourAnswer,
    String(saved.score ?? '—'),
    words && open + words + close,
  );
  const container = h('div', { class: 'k-form' }, heading, summary);
  if (commentQuestion) {
    const id = `${titleId}-more`;
    const box = h('textarea', { id, maxlength: 5000, rows: 4 });
    box.value = saved.comment ?? '';
    const status = h('p', { role: 'status', class: 'k-status' });
    const error = h('p', { role: 'alert' });
    let label = saved.comment ? messages.updateComment : messages.sendComment;
    const button = h('button', { type: 'submit', class: 'k-btn' }, label);
    const prompt = saved.comment ? commentQuestion.prompt : messages.addComment;
    const form = h(
      'form',
      { novalidate: true, 'aria-label': prompt },
      h('label', { class: 'k-label', for: id }, prompt),
      box,
      error,
      h('div', { class: 'k-actions' }, button),
      status,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      error.textContent = '';
      busy(button, true, label, messages);
      const result = await send(options, { comment: box.value.trim() || null });
      label = result.data?.comment ? messages.updateComment : messages.sendComment;
      busy(button, false, label, messages);
      if (result.data) status.textContent = messages.commentSaved;
      else error.textContent = failureText(result, messages);
    });
    container.append(form);
  }
  options.afterThanks?.(container);
  root.replaceChildren(container);
  heading.focus();
}
