import { SCALES, type SurveyKind } from '../contracts/surveys.ts';

/**
 * Score bands, defined once for the server's SQL (filters, CSAT top-2-box, NPS
 * promoters) and the web app. NPS: detractor 0–6 / passive 7–8 / promoter 9–10;
 * CSAT 1–2 / 3 / 4–5; CES 2.0 1–3 / 4 / 5–7; CES effort (lower is better) 4–5 / 3 / 1–2;
 * a custom rating splits its scale in thirds (a two-point scale has no middle).
 * negative/neutral/positive are the same bands under their generic names.
 */
export const BANDS = ['negative', 'neutral', 'positive'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_ALIASES = { detractor: 'negative', passive: 'neutral', promoter: 'positive' } as const;
export const BAND_NAMES = [...BANDS, ...(Object.keys(BAND_ALIASES) as (keyof typeof BAND_ALIASES)[])] as const;
export type BandName = Band | keyof typeof BAND_ALIASES;

export interface Scale {
  min: number;
  max: number;
}

export const bandOf = (name: BandName): Band =>
  (name in BAND_ALIASES ? BAND_ALIASES[name as 'detractor'] : name) as Band;

export function kindScale(kind: SurveyKind, scale?: Scale | null): Scale {
  return kind === 'rating' ? (scale ?? { min: 1, max: 5 }) : SCALES[kind];
}

/** Which band a score falls in. */
export function scoreBand(kind: SurveyKind, score: number, scale?: Scale | null): Band {
  switch (kind) {
    case 'nps':
      return score >= 9 ? 'positive' : score >= 7 ? 'neutral' : 'negative';
    case 'csat':
      return score >= 4 ? 'positive' : score === 3 ? 'neutral' : 'negative';
    case 'ces7':
      return score >= 5 ? 'positive' : score === 4 ? 'neutral' : 'negative';
    case 'ces5':
      return score <= 2 ? 'positive' : score === 3 ? 'neutral' : 'negative';
    case 'rating': {
      const { min, max } = kindScale(kind, scale);
      const span = max - min;
      if (span <= 1) return score >= max ? 'positive' : 'negative';
      const position = (score - min) / span;
      return position > 2 / 3 ? 'positive' : position >= 1 / 3 ? 'neutral' : 'negative';
    }
  }
}

/** The scores of one band, low to high (empty when the scale has no such band). */
export function bandScores(kind: SurveyKind, band: Band, scale?: Scale | null): number[] {
  const { min, max } = kindScale(kind, scale);
  const scores: number[] = [];
  for (let score = min; score <= max; score++) if (scoreBand(kind, score, scale) === band) scores.push(score);
  return scores;
}

/** Whether a lower score is the better one (CES effort 1–5). */
export const lowerIsBetter = (kind: SurveyKind) => kind === 'ces5';
