import { type RecoveryOutcome, RecoveryThresholds } from '../contracts/recovery.ts';
import { SCALES } from '../contracts/surveys.ts';

/** The scales a recovery case can be opened on (custom ratings have no threshold). */
export type RecoveryScale = keyof typeof SCALES;

export const DEFAULT_THRESHOLDS: RecoveryThresholds = RecoveryThresholds.parse({});

export const isRecoveryScale = (kind: string | null | undefined): kind is RecoveryScale =>
  kind === 'csat' || kind === 'nps' || kind === 'ces7' || kind === 'ces5';

/**
 * Whether an answer is negative enough to open a case: CSAT ≤ csatMax, NPS ≤ npsMax,
 * CES 2.0 ≤ ces7Max, CES effort ≥ ces5Min. A skipped score or a custom rating never is.
 */
export function isNegativeScore(
  kind: string | null | undefined,
  score: number | null | undefined,
  thresholds: RecoveryThresholds = DEFAULT_THRESHOLDS,
): boolean {
  if (score === null || score === undefined || !isRecoveryScale(kind)) return false;
  switch (kind) {
    case 'csat':
      return score <= thresholds.csatMax;
    case 'nps':
      return score <= thresholds.npsMax;
    case 'ces7':
      return score <= thresholds.ces7Max;
    case 'ces5':
      return score >= thresholds.ces5Min;
  }
}

/** A score as its place on its scale, 0 (worst) … 1 (best), so answers on different scales compare. */
export function scorePosition(kind: RecoveryScale, score: number): number {
  const { min, max } = SCALES[kind];
  const position = (score - min) / (max - min);
  return kind === 'ces5' ? 1 - position : position;
}

/**
 * The outcome a follow-up answer measures. Recovered when the follow-up score is out of
 * the negative band (the same thresholds that open cases) AND better than the original
 * score — compared by place on the scale, so a CSAT re-survey can follow an NPS answer.
 * A case opened by hand has no original score: out of the negative band is enough.
 * Otherwise not recovered. A skipped follow-up score or a custom rating measures nothing (null).
 */
export function judgeOutcome(
  original: { kind: string | null; score: number | null },
  followUp: { kind: string | null; score: number | null },
  thresholds: RecoveryThresholds = DEFAULT_THRESHOLDS,
): Exclude<RecoveryOutcome, 'unreachable'> | null {
  if (followUp.score === null || !isRecoveryScale(followUp.kind)) return null;
  if (isNegativeScore(followUp.kind, followUp.score, thresholds)) return 'not_recovered';
  if (original.score === null || !isRecoveryScale(original.kind)) return 'recovered';
  const better = scorePosition(followUp.kind, followUp.score) > scorePosition(original.kind, original.score);
  return better ? 'recovered' : 'not_recovered';
}
