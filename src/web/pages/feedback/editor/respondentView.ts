import type { PublicSurvey, SurveyDefinition } from '../../../../shared/contracts/surveys.ts';
import { kindScale } from '../../../../shared/metrics/bands.ts';

export type RespondentQuestion = PublicSurvey['questions'][number];

export interface RespondentView {
  kind: PublicSurvey['kind'];
  scale: PublicSurvey['scale'];
  language: string;
  questions: RespondentQuestion[];
  thankYou: string;
}

/** A text in the respondent's language, else the survey's default language, else any — as the public page does. */
export function pickText(texts: Record<string, string> | undefined, language: string, fallback: string): string {
  if (!texts) return '';
  return texts[language] || texts[fallback] || Object.values(texts).find(Boolean) || '';
}

/** The survey in one language, as the respondent will see it (the public page's rules, for the live preview). */
export function respondentView(definition: SurveyDefinition, language: string): RespondentView {
  const fallback = definition.defaultLanguage;
  const text = (texts: Record<string, string> | undefined) => pickText(texts, language, fallback);
  return {
    kind: definition.kind,
    scale: kindScale(definition.kind, definition.scale),
    language,
    questions: definition.questions.map((q): RespondentQuestion => {
      const base = { id: q.id, type: q.type, prompt: text(q.prompt) };
      if (q.type === 'score') {
        return { ...base, required: true, lowLabel: text(q.lowLabel), highLabel: text(q.highLabel) };
      }
      if (q.type === 'comment') return { ...base, required: q.required };
      return {
        ...base,
        required: q.required,
        multiple: q.multiple,
        options: q.options.map((o) => ({ id: o.id, label: text(o.label) })),
      };
    }),
    thankYou: text(definition.thankYou),
  };
}
