import type {
  Question,
  Survey,
  SurveyDefinition,
  SurveySettings,
  SurveyStatus,
  UpdateSurveyInput,
} from '../../../../shared/contracts/surveys.ts';
import { makeOptionId } from '../../../lib/optionIds.ts';

export interface Draft {
  name: string;
  status: SurveyStatus;
  definition: SurveyDefinition;
  settings: SurveySettings;
}

export type ChoiceQuestion = Extract<Question, { type: 'choice' }>;
export type CommentQuestion = Extract<Question, { type: 'comment' }>;
export type ScoreQuestion = Extract<Question, { type: 'score' }>;

/** Options and questions added in the editor carry a `~` id until saved; the real id is made from the labels then. */
const NEW_PREFIX = '~';
let counter = 0;
export const newId = () => `${NEW_PREFIX}${++counter}`;
export const isNewId = (id: string) => id.startsWith(NEW_PREFIX);

export function draftOf(survey: Survey): Draft {
  return {
    name: survey.name,
    status: survey.status,
    definition: structuredClone(survey.definition),
    settings: structuredClone(survey.settings),
  };
}

/** Give every new question and option its stored id, once; saved ids are never touched. */
export function finalizeDefinition(definition: SurveyDefinition): SurveyDefinition {
  const questionIds = definition.questions.map((q) => q.id).filter((id) => !isNewId(id));
  const questions = definition.questions.map((question): Question => {
    if (question.type === 'score') return question;
    let id = question.id;
    if (isNewId(id)) {
      id = makeOptionId(question.prompt, questionIds, 'question');
      questionIds.push(id);
    }
    if (question.type !== 'choice') return { ...question, id };
    const optionIds = question.options.map((o) => o.id).filter((optionId) => !isNewId(optionId));
    const options = question.options.map((option) => {
      if (!isNewId(option.id)) return option;
      const optionId = makeOptionId(option.label, optionIds);
      optionIds.push(optionId);
      return { ...option, id: optionId };
    });
    return { ...question, id, options };
  });
  return { ...definition, questions };
}

/** JSON with object keys sorted, so retyping a translation (which moves its key) is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Only what changed, so an unchanged definition never makes a new version. */
export function changesOf(survey: Survey, draft: Draft): UpdateSurveyInput {
  const changes: UpdateSurveyInput = {};
  if (draft.name.trim() !== survey.name) changes.name = draft.name.trim();
  if (draft.status !== survey.status) changes.status = draft.status;
  const definition = finalizeDefinition(draft.definition);
  if (!same(definition, survey.definition)) changes.definition = definition;
  if (!same(draft.settings, survey.settings)) changes.settings = draft.settings;
  return changes;
}

export function replaceQuestion(definition: SurveyDefinition, index: number, question: Question): SurveyDefinition {
  return { ...definition, questions: definition.questions.map((q, i) => (i === index ? question : q)) };
}

export function removeQuestion(definition: SurveyDefinition, index: number): SurveyDefinition {
  return { ...definition, questions: definition.questions.filter((_, i) => i !== index) };
}

/** Move a question other than the score (which stays first) one place up or down. */
export function moveQuestion(definition: SurveyDefinition, index: number, by: -1 | 1): SurveyDefinition {
  const target = index + by;
  if (index < 1 || target < 1 || target >= definition.questions.length) return definition;
  const questions = [...definition.questions];
  const [moved] = questions.splice(index, 1);
  if (moved) questions.splice(target, 0, moved);
  return { ...definition, questions };
}

/** Add or remove the open "why?" question, right after the score. */
export function withWhyQuestion(definition: SurveyDefinition, why: CommentQuestion | null): SurveyDefinition {
  const others = definition.questions.filter((q) => q.type !== 'comment' || q.id !== 'why');
  if (!why) return { ...definition, questions: others };
  const [score, ...rest] = others;
  return { ...definition, questions: score ? [score, why, ...rest] : [why, ...rest] };
}
