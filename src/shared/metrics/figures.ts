import type { SurveyKind } from '../contracts/surveys.ts';
import { lowerIsBetter, type Scale } from './bands.ts';
import { meanInterval, npsWithInterval, wilsonInterval } from './intervals.ts';

/** What SQL counts for a set of responses (src/server/modules/metrics/satisfaction.ts). */
export interface ScoreCounts {
  /** Scored responses; skipped scores are in no denominator. */
  n: number;
  skipped: number;
  sum: number;
  sumOfSquares: number;
  negative: number;
  neutral: number;
  positive: number;
}

export interface FigureValue {
  value: number | null;
  n: number;
  ci95: [number, number] | null;
}

export interface Figures {
  score: FigureValue;
  average: FigureValue;
  positiveShare: FigureValue;
  bands: { negative: number; neutral: number; positive: number };
}

export type ScoreUnit = 'percent' | 'index' | 'mean';

export const scoreUnit = (kind: SurveyKind): ScoreUnit =>
  kind === 'csat' ? 'percent' : kind === 'nps' ? 'index' : 'mean';

const percent = (interval: [number, number] | null): [number, number] | null =>
  interval ? [interval[0] * 100, interval[1] * 100] : null;

/**
 * The figures of DESIGN.md's metric definitions from the counts: CSAT % = 4–5 ÷ scored
 * (Wilson); NPS = % promoters − % detractors (SE √((p⁺+p⁻) − (p⁺−p⁻)²) ÷ √n); CES and
 * ratings: the mean (t-interval). Every figure carries n.
 */
export function figuresFromCounts(kind: SurveyKind, scale: Scale, counts: ScoreCounts): Figures {
  const { n } = counts;
  const average: FigureValue = {
    value: n > 0 ? counts.sum / n : null,
    n,
    ci95: meanInterval(n, counts.sum, counts.sumOfSquares, scale),
  };
  const positiveShare: FigureValue = {
    value: n > 0 ? (100 * counts.positive) / n : null,
    n,
    ci95: percent(wilsonInterval(counts.positive, n)),
  };
  let score: FigureValue = average;
  if (kind === 'csat') score = positiveShare;
  if (kind === 'nps') {
    const nps = npsWithInterval(counts.positive, counts.negative, n);
    score = { value: nps?.value ?? null, n, ci95: nps?.ci95 ?? null };
  }
  return {
    score,
    average,
    positiveShare,
    bands: { negative: counts.negative, neutral: counts.neutral, positive: counts.positive },
  };
}

export { lowerIsBetter };
