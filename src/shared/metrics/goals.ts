import type { GoalMetric, GoalProgress, MetricSet } from '../contracts/metrics.ts';

/**
 * Goals against metrics: which direction is better, where a goal's figure sits in a
 * MetricSet, and the arithmetic of progress (projection and status). Pure, shared by
 * the server (GET /goals/progress) and the web app (goal lines, colours).
 */

/** Durations, CES effort (1–5) and the reopen rate are better when lower; every other figure when higher. */
export function lowerIsBetterMetric(metric: string): boolean {
  return metric.endsWith('_seconds') || metric.startsWith('ces5.') || metric.startsWith('reopen.');
}

/** Counts that only grow over a period (so they scale with the time elapsed). */
export const isVolumeMetric = (metric: string) => metric.startsWith('volume.');

/** The figure a dotted key names ('first_response.median_seconds') in a report or group; null when absent. */
export function metricValue(set: MetricSet, metric: GoalMetric): number | null {
  const [section, field] = metric.split('.') as [keyof MetricSet, string];
  const figure = set[section] as unknown as Record<string, unknown> | undefined;
  const value = figure?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The sample size behind a goal's figure: responses for scores, items for durations and rates. */
export function metricSampleSize(set: MetricSet, metric: GoalMetric): number {
  const [section] = metric.split('.') as [keyof MetricSet];
  if (section === 'volume') return metricValue(set, metric) ?? 0;
  if (section === 'response_rate') return set.response_rate.delivered;
  const figure = set[section] as { n?: number } | undefined;
  return figure?.n ?? 0;
}

/** Where a projected figure may lie: percentages 0–100, NPS −100…100, everything else ≥ 0. */
export function clampMetric(metric: GoalMetric, value: number): number {
  if (metric.endsWith('.percent')) return Math.min(100, Math.max(0, value));
  if (metric === 'nps.score') return Math.min(100, Math.max(-100, value));
  return Math.max(0, value);
}

/** Least-squares line through (x, y) points evaluated at `at`; null for fewer than 2 distinct x. */
export function leastSquaresAt(points: { x: number; y: number }[], at: number): number | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return null;
  return meanY + (sxy / sxx) * (at - meanX);
}

/** Share of the tolerated shortfall: a projection this close to its target (5 %) is "at risk", not "off track". */
export const AT_RISK_TOLERANCE = 0.05;

const meets = (value: number, target: number, lowerIsBetter: boolean) =>
  lowerIsBetter ? value <= target : value >= target;

export interface StatusInput {
  metric: GoalMetric;
  target: number;
  current: number | null;
  n: number;
  projection: number | null;
  /** The period has ended on or before the day asked about. */
  over: boolean;
}

/**
 * met: the period is over and the figure meets the target, or a growing count (volume.*,
 * higher is better) already reached it; on_track: the projection meets the target;
 * at_risk: the projection falls short by at most 5 % of the target; off_track: worse,
 * or the period ended short; no_data: nothing counted yet.
 */
export function goalStatus(input: StatusInput): GoalProgress['status'] {
  const { metric, target, current, n, projection, over } = input;
  if (n === 0 || current === null) return 'no_data';
  const lower = lowerIsBetterMetric(metric);
  if (over) return meets(current, target, lower) ? 'met' : 'off_track';
  if (isVolumeMetric(metric) && !lower && current >= target) return 'met';
  const expected = projection ?? current;
  if (meets(expected, target, lower)) return 'on_track';
  const shortfall = lower ? expected - target : target - expected;
  return shortfall <= AT_RISK_TOLERANCE * Math.abs(target) ? 'at_risk' : 'off_track';
}

/** Days between two local dates (b − a), ignoring time zones: both are calendar dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface ProjectionInput {
  metric: GoalMetric;
  startsOn: string;
  endsOn: string;
  /** The last day counted (min(on, endsOn)). */
  through: string;
  current: number | null;
  /** Weekly values so far: the local Monday of each week and the figure of that week (n > 0 only). */
  weeks: { week: string; value: number }[];
}

/**
 * The figure expected at the period's end. Volumes scale linearly: current ÷ elapsed share.
 * Other figures follow the least-squares trend of their weekly values (x = days from the
 * period start to the week's Monday), evaluated at the Monday of the week of endsOn;
 * with fewer than 2 weeks the current value stands.
 */
export function projectGoal(input: ProjectionInput): number | null {
  const { metric, startsOn, endsOn, through, current, weeks } = input;
  if (current === null) return null;
  const periodDays = daysBetween(startsOn, endsOn) + 1;
  const elapsedDays = Math.min(periodDays, Math.max(0, daysBetween(startsOn, through) + 1));
  if (isVolumeMetric(metric)) return elapsedDays === 0 ? null : (current * periodDays) / elapsedDays;
  const points = weeks.map((w) => ({ x: daysBetween(startsOn, w.week), y: w.value }));
  const endWeekday = (new Date(`${endsOn}T00:00:00Z`).getUTCDay() + 6) % 7;
  const trend = leastSquaresAt(points, daysBetween(startsOn, endsOn) - endWeekday);
  return trend === null ? current : clampMetric(metric, trend);
}
