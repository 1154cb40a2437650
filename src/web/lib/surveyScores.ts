import type { Locale } from '../../shared/contracts/common.ts';
import type { SurveyKind } from '../../shared/contracts/surveys.ts';
import type { Band } from '../../shared/metrics/bands.ts';
import type { ScoreUnit } from '../../shared/metrics/figures.ts';

// Bands and scales are defined once in src/shared/metrics (the server's SQL uses the same).
export { BANDS, type Band, kindScale, type Scale, scoreBand } from '../../shared/metrics/bands.ts';
export { type ScoreUnit, scoreUnit } from '../../shared/metrics/figures.ts';

/** Red = detractor, amber = passive, green = promoter — the same three colours for every kind. */
export const BAND_COLOR: Record<Band, string> = { negative: 'red', neutral: 'yellow', positive: 'green' };

/** Chart colours matching the Mantine shades the badges use (red.6, yellow.7, green.7). */
export const BAND_HEX: Record<Band, string> = { negative: '#fa5252', neutral: '#f59f00', positive: '#37b24d' };

/** Every score of the scale, low to high. */
export function scalePoints(scale: { min: number; max: number }): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
}

/** The short name on badges and in lists: CSAT, NPS, CES; a custom rating has none (the caller translates). */
export function kindShortName(kind: SurveyKind): 'CSAT' | 'NPS' | 'CES' | null {
  if (kind === 'csat') return 'CSAT';
  if (kind === 'nps') return 'NPS';
  if (kind === 'ces7' || kind === 'ces5') return 'CES';
  return null;
}

function numberFormat(locale: Locale, digits: number, signed = false): Intl.NumberFormat {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

/** 82 % · +23 · 5.6 — the number alone, without the kind's name. */
export function formatScoreValue(value: number, unit: ScoreUnit, locale: Locale): string {
  if (unit === 'percent') return `${numberFormat(locale, 0).format(value)} %`;
  if (unit === 'index') return numberFormat(locale, 0, true).format(value).replace('-', '−');
  return numberFormat(locale, 1).format(value);
}

/** 75–87 % / 75〜87 % · −5 to +40 / −5〜+40 · 5.2–5.9 */
export function formatInterval(interval: readonly [number, number], unit: ScoreUnit, locale: Locale): string {
  // A dash between signed numbers reads as a minus sign, so English spells it out.
  const dash = locale === 'ja' ? '〜' : unit === 'index' ? ' to ' : '–';
  const [low, high] = interval.map((v) => formatScoreValue(v, unit, locale).replace(' %', ''));
  return `${low}${dash}${high}${unit === 'percent' ? ' %' : ''}`;
}

/** 0.42 → "42 %". */
export function formatPercent(ratio: number, locale: Locale): string {
  return `${numberFormat(locale, 0).format(ratio * 100)} %`;
}
