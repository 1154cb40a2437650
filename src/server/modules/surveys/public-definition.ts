import type { SurveyDefinition } from '../../../shared/contracts/surveys.ts';
import { scaleOf } from './service.ts';

function pick(texts: Record<string, string> | undefined, language: string, fallback: string): string {
  if (!texts) return '';
  return texts[language] ?? texts[fallback] ?? Object.values(texts)[0] ?? '';
}

/** The survey in one language, as the respondent sees it. */
export function publicDefinition(definition: SurveyDefinition, language: string) {
  const fallback = definition.defaultLanguage;
  return {
    kind: definition.kind,
    scale: scaleOf(definition),
    language,
    questions: definition.questions.map((q) => {
      const base = { id: q.id, type: q.type, prompt: pick(q.prompt, language, fallback) };
      if (q.type === 'score') {
        return {
          ...base,
          required: true,
          lowLabel: pick(q.lowLabel, language, fallback),
          highLabel: pick(q.highLabel, language, fallback),
        };
      }
      if (q.type === 'comment') return { ...base, required: q.required };
      return {
        ...base,
        required: q.required,
        multiple: q.multiple,
        options: q.options.map((o) => ({ id: o.id, label: pick(o.label, language, fallback) })),
      };
    }),
    thankYou: pick(definition.thankYou, language, fallback),
  };
}
