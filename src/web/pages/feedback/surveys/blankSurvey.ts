import i18next from 'i18next';
import type { SurveyDefinition, SurveyKind } from '../../../../shared/contracts/surveys.ts';

/** The languages Koe ships survey texts in; the editor shows them side by side. */
export const SURVEY_LANGUAGES = ['ja', 'en'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

type DefaultText =
  | 'respondent.defaults.why'
  | 'respondent.defaults.thankYou'
  | `respondent.defaults.${SurveyKind}.${'prompt' | 'low' | 'high'}`;

/** The same message in every survey language (respondents' words, not the UI's). */
export function textsFor(key: DefaultText): Record<SurveyLanguage, string> {
  const [ja, en] = SURVEY_LANGUAGES.map((language) => i18next.getFixedT(language)(key));
  return { ja: String(ja), en: String(en) };
}

/** A survey of one kind with a sensible question, the "why?" follow-up and a thank-you, in Japanese and English. */
export function blankDefinition(kind: SurveyKind): SurveyDefinition {
  return {
    kind,
    ...(kind === 'rating' ? { scale: { min: 1, max: 5 } } : {}),
    questions: [
      {
        id: 'score',
        type: 'score',
        prompt: textsFor(`respondent.defaults.${kind}.prompt`),
        lowLabel: textsFor(`respondent.defaults.${kind}.low`),
        highLabel: textsFor(`respondent.defaults.${kind}.high`),
      },
      { id: 'why', type: 'comment', prompt: textsFor('respondent.defaults.why'), required: false },
    ],
    thankYou: textsFor('respondent.defaults.thankYou'),
    defaultLanguage: 'ja',
  };
}
