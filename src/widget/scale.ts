import type { WidgetSurvey } from '../shared/contracts/widget.ts';
import { h } from './dom.ts';
import type { Messages } from './messages.ts';

type Question = WidgetSurvey['questions'][number];

/** The words for one point: every point on the fixed CSAT and CES scales, the ends elsewhere. */
export function pointLabel(survey: WidgetSurvey, question: Question, value: number, messages: Messages): string {
  const { min, max } = survey.scale;
  const kind = survey.kind;
  if (kind === 'csat' || kind === 'ces7' || kind === 'ces5') return messages[kind][value - 1] ?? '';
  if (value === min) return question.lowLabel ?? '';
  if (value === max) return question.highLabel ?? '';
  return '';
}

/**
 * The score as a native radio group (arrow keys move, Space selects, one Tab stop),
 * each point a 44 px target whose accessible name carries its label. Choosing a
 * point records nothing: only the confirm button sends.
 */
export function renderScale(
  survey: WidgetSurvey,
  question: Question,
  titleId: string,
  selected: number | null,
  messages: Messages,
) {
  const { min, max } = survey.scale;
  const count = max - min + 1;
  // Two-point scales (helpful: no / yes) show their words; CSAT shows a word under each number.
  const wordsOnly = count === 2 && Boolean(question.lowLabel && question.highLabel);
  const wordsUnder = survey.kind === 'csat';
  const name = `${titleId}-score`;
  const said = h('p', { class: 'k-selected', 'aria-hidden': 'true' });
  const group = h('div', {
    role: 'radiogroup',
    'aria-labelledby': titleId,
    'aria-required': 'true',
    class: `k-scale k-n${count}`,
  });
  const describe = (value: number | null) => {
    const label = value === null ? '' : pointLabel(survey, question, value, messages);
    // Points that show their words need no echo of the choice.
    const echo = value !== null && !wordsOnly && !wordsUnder;
    said.textContent = echo ? `${messages.selected}${value}${label ? ` — ${label}` : ''}` : '';
  };
  for (let value = min; value <= max; value++) {
    const label = pointLabel(survey, question, value, messages);
    const input = h('input', {
      type: 'radio',
      name,
      value,
      checked: value === selected,
      'aria-label': wordsOnly ? label : label ? `${value} ${label}` : String(value),
    });
    input.addEventListener('change', () => describe(value));
    const face = wordsOnly ? label : String(value);
    const box = h('span', { class: 'k-box', 'aria-hidden': 'true' }, face, wordsUnder && h('small', {}, label));
    group.append(h('label', { class: 'k-opt' }, input, box));
  }
  describe(selected);
  const low = question.lowLabel || pointLabel(survey, question, min, messages);
  const high = question.highLabel || pointLabel(survey, question, max, messages);
  const ends =
    !wordsOnly && !wordsUnder && (low || high)
      ? h('div', { class: 'k-ends', 'aria-hidden': 'true' }, h('span', {}, low), h('span', {}, high))
      : null;
  const value = (): number | null => {
    const checked = group.querySelector<HTMLInputElement>('input:checked');
    return checked ? Number(checked.value) : null;
  };
  const focus = () => (group.querySelector<HTMLInputElement>('input:checked') ?? group.querySelector('input'))?.focus();
  return { element: h('div', {}, group, ends, !wordsOnly && !wordsUnder && said), group, value, focus };
}
