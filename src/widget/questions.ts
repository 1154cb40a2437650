import type { WidgetSurvey } from '../shared/contracts/widget.ts';
import { h } from './dom.ts';
import type { Messages } from './messages.ts';

type Question = WidgetSurvey['questions'][number];

export interface Answer {
  questionId: string;
  optionIds?: string[];
  text?: string | null;
}

/** A question after the score: its element, what it answers, whether a required answer is missing. */
export interface Field {
  question: Question;
  element: HTMLElement;
  answer(): Answer | undefined;
  missing(): boolean;
  focus(): void;
}

const promptOf = (question: Question, messages: Messages) => [
  question.prompt,
  question.required ? null : h('span', { class: 'k-muted' }, messages.optional),
];

function commentField(question: Question, idBase: string, messages: Messages, initial: string | null): Field {
  const id = `${idBase}-${question.id}`;
  const box = h('textarea', { id, name: question.id, maxlength: 5000, rows: 3, required: question.required });
  box.value = initial ?? '';
  return {
    question,
    element: h(
      'div',
      { class: 'k-q' },
      h('label', { class: 'k-label', for: id }, ...promptOf(question, messages)),
      box,
    ),
    answer: () => ({ questionId: question.id, text: box.value.trim() || null }),
    missing: () => question.required && !box.value.trim(),
    focus: () => box.focus(),
  };
}

function choiceField(question: Question, idBase: string, messages: Messages): Field {
  const type = question.multiple ? 'checkbox' : 'radio';
  const inputs = (question.options ?? []).map((option) => ({
    option,
    input: h('input', { type, name: `${idBase}-${question.id}`, value: option.id }),
  }));
  const element = h(
    'fieldset',
    { class: 'k-q' },
    h('legend', { class: 'k-label' }, ...promptOf(question, messages)),
    ...inputs.map(({ option, input }) => h('label', { class: 'k-check' }, input, h('span', {}, option.label))),
  );
  const chosen = () => inputs.filter((i) => i.input.checked).map((i) => i.option.id);
  return {
    question,
    element,
    answer: () => (chosen().length ? { questionId: question.id, optionIds: chosen() } : undefined),
    missing: () => question.required && chosen().length === 0,
    focus: () => inputs[0]?.input.focus(),
  };
}

export function renderField(question: Question, idBase: string, messages: Messages, initial: string | null): Field {
  return question.type === 'choice'
    ? choiceField(question, idBase, messages)
    : commentField(question, idBase, messages, initial);
}
