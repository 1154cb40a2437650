import type { Locale } from '../../../shared/contracts/common.ts';
import {
  GOAL_METRICS,
  type GoalMetric,
  type GoalProgress,
  type MetricReference,
} from '../../../shared/contracts/metrics.ts';
import { lowerIsBetterMetric } from '../../../shared/metrics/goals.ts';
import { formatMinutes, formatNumber } from '../../lib/format.ts';
import { formatInterval, formatScoreValue } from '../../lib/surveyScores.ts';

/** How a figure is written and which way is better. */
export type FigureUnit = 'percent' | 'index' | 'mean' | 'duration' | 'count';

export interface MetricMeta {
  unit: FigureUnit;
  lowerIsBetter: boolean;
}

const METRIC_UNIT: Record<GoalMetric, FigureUnit> = {
  'csat.percent': 'percent',
  'csat.average': 'mean',
  'nps.score': 'index',
  'ces7.average': 'mean',
  'ces5.average': 'mean',
  'response_rate.percent': 'percent',
  'first_response.median_seconds': 'duration',
  'first_response.p90_seconds': 'duration',
  'reply.median_seconds': 'duration',
  'resolution.median_seconds': 'duration',
  'resolution.p90_seconds': 'duration',
  'fcr.percent': 'percent',
  'one_touch.percent': 'percent',
  'reopen.percent': 'percent',
  'volume.resolved': 'count',
  'volume.created': 'count',
};

/** Unit and direction of every goal metric; the direction is the server's (src/shared/metrics/goals.ts). */
export const METRIC_META = Object.fromEntries(
  GOAL_METRICS.map((metric) => [metric, { unit: METRIC_UNIT[metric], lowerIsBetter: lowerIsBetterMetric(metric) }]),
) as Record<GoalMetric, MetricMeta>;

/** 45 → "45 秒" / "45 s"; 8100 → "2 時間 15 分" / "2 h 15 min"; 2 days and more drop the minutes. */
export function formatDuration(seconds: number, locale: Locale): string {
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (abs < 60) return `${sign}${Math.round(abs)}${locale === 'ja' ? ' 秒' : ' s'}`;
  const minutes = abs >= 2 * 86_400 ? Math.round(abs / 3600) * 60 : Math.round(abs / 60);
  return sign + formatMinutes(minutes, locale);
}

/** A figure's value the reader's way: "82 %", "+23", "5.6", "2 時間 15 分", "1,204". */
export function formatFigure(value: number, unit: FigureUnit, locale: Locale): string {
  if (unit === 'duration') return formatDuration(value, locale);
  if (unit === 'count') return formatNumber(Math.round(value), locale);
  return formatScoreValue(value, unit, locale);
}

/** "75〜87 %" / "75–87 %"; durations "1 時間〜2 時間". */
export function formatRange(range: readonly [number, number], unit: FigureUnit, locale: Locale): string {
  if (unit === 'duration' || unit === 'count') {
    const dash = locale === 'ja' ? '〜' : '–';
    return `${formatFigure(range[0], unit, locale)}${dash}${formatFigure(range[1], unit, locale)}`;
  }
  return formatInterval(range, unit, locale);
}

/** A change in the figure's unit, signed: "+4 pt", "−12 分", "+1.2". */
export function formatDelta(delta: number, unit: FigureUnit, locale: Locale): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const abs = Math.abs(delta);
  if (unit === 'percent') {
    return `${sign}${new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 }).format(abs)} pt`;
  }
  if (unit === 'index') return `${sign}${formatNumber(Math.round(abs), locale)}`;
  if (unit === 'mean') return `${sign}${formatScoreValue(abs, 'mean', locale)}`;
  return `${sign}${formatFigure(abs, unit, locale)}`;
}

/** Whether a move is good for the business: up for CSAT, down for durations. Null when flat. */
export function isImprovement(delta: number, meta: MetricMeta): boolean | null {
  if (delta === 0) return null;
  return meta.lowerIsBetter ? delta < 0 : delta > 0;
}

/** Green at goal, amber at risk, red below goal, grey without data: the same on every card and bar. */
export const STATUS_COLOR: Record<GoalProgress['status'], string> = {
  met: 'green',
  on_track: 'green',
  at_risk: 'yellow',
  off_track: 'red',
  no_data: 'gray',
};

/** Whether a value reaches a target, honouring the metric's direction. */
export function meetsTarget(value: number, target: number, meta: MetricMeta): boolean {
  return meta.lowerIsBetter ? value <= target : value >= target;
}

/** The reference printed beside a figure: its target line, else its typical band. */
export function referenceText(reference: MetricReference | undefined, unit: FigureUnit, locale: Locale): string | null {
  if (!reference) return null;
  if (reference.target !== null) return formatFigure(reference.target, unit, locale);
  if (reference.low !== null && reference.high !== null)
    return formatRange([reference.low, reference.high], unit, locale);
  if (reference.low !== null) return `≥ ${formatFigure(reference.low, unit, locale)}`;
  if (reference.high !== null) return `≤ ${formatFigure(reference.high, unit, locale)}`;
  return null;
}

/** The goal of a metric for the whole workspace that is running now (the latest one if several). */
export function workspaceGoal(progress: GoalProgress[] | undefined, metric: GoalMetric): GoalProgress | undefined {
  return (progress ?? [])
    .filter((item) => item.goal.metric === metric && item.goal.scope === 'workspace')
    .sort((a, b) => b.goal.startsOn.localeCompare(a.goal.startsOn))[0];
}
