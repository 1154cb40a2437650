import type { Change, MetricSet } from '../../../shared/contracts/metrics.ts';
import type { ScoreCounts } from '../../../shared/metrics/figures.ts';
import {
  countPValue,
  differencePValue,
  npsStandardError,
  SIGNIFICANCE_LEVEL,
  twoProportionPValue,
  welchPValue,
} from '../../../shared/metrics/significance.ts';
import type { MetricCounts } from './metric-set.ts';

/**
 * `change` of every figure against the previous period: CSAT % and the rates by a
 * two-proportion z-test, NPS by its difference against √(SE₁² + SE₂²), CES means by
 * Welch's t, created volume by z = (a − b) ÷ √(a + b); durations report the median's
 * delta only (never significant).
 */

function change(current: number | null, previous: number | null, pValue: number | null): Change {
  const both = current !== null && previous !== null;
  const p = both ? pValue : null;
  return {
    previous,
    delta: both ? current - previous : null,
    significant: p !== null && p < SIGNIFICANCE_LEVEL,
    p_value: p,
  };
}

const proportionP = (a: { count: number; n: number }, b: { count: number; n: number }) =>
  twoProportionPValue(a.count, a.n, b.count, b.n);

const meanP = (a: ScoreCounts, b: ScoreCounts) => welchPValue(a, b);

function npsP(a: ScoreCounts, b: ScoreCounts, current: number | null, previous: number | null): number | null {
  const seA = npsStandardError(a.positive, a.negative, a.n);
  const seB = npsStandardError(b.positive, b.negative, b.n);
  if (seA === null || seB === null || current === null || previous === null) return null;
  return differencePValue(current, seA, previous, seB);
}

/** Adds `change` to each figure of `set` (in place) from the two periods' sets and counts. */
export function addChanges(set: MetricSet, previous: MetricSet, counts: MetricCounts, before: MetricCounts): void {
  const csatCount = (c: MetricCounts) => ({ count: c.scores.csat.positive, n: c.scores.csat.n });
  set.csat.change = change(set.csat.percent, previous.csat.percent, proportionP(csatCount(counts), csatCount(before)));
  set.nps.change = change(
    set.nps.score,
    previous.nps.score,
    npsP(counts.scores.nps, before.scores.nps, set.nps.score, previous.nps.score),
  );
  set.ces7.change = change(set.ces7.average, previous.ces7.average, meanP(counts.scores.ces7, before.scores.ces7));
  set.ces5.change = change(set.ces5.average, previous.ces5.average, meanP(counts.scores.ces5, before.scores.ces5));
  for (const key of ['response_rate', 'fcr', 'one_touch', 'reopen'] as const) {
    set[key].change = change(set[key].percent, previous[key].percent, proportionP(set[key], previous[key]));
  }
  for (const key of ['first_response', 'reply', 'resolution'] as const) {
    const moved = change(set[key].median_seconds, previous[key].median_seconds, null);
    set[key].change = { ...moved, delta: moved.delta === null ? null : Math.round(moved.delta * 10) / 10 };
  }
  set.volume.change = change(
    set.volume.created,
    previous.volume.created,
    countPValue(set.volume.created, previous.volume.created),
  );
}
