import type {
  Change,
  DrilldownMetric,
  GoalMetric,
  Interval,
  MetricGroup,
  MetricsReport,
} from '../../../../shared/contracts/metrics.ts';
import { type FigureUnit, METRIC_META, type MetricMeta } from '../figures.ts';

export type HeadlineId = 'csat' | 'nps' | 'ces' | 'first_response' | 'resolution' | 'fcr' | 'volume';

/** Everything a headline card prints, taken from the report; the card only formats it. */
export interface Headline {
  id: HeadlineId;
  /** The i18n key suffix of the title (`ces7`/`ces5` for CES: the scale decides the name). */
  titleKey: Exclude<HeadlineId, 'ces'> | 'ces7' | 'ces5';
  value: number | null;
  unit: FigureUnit;
  meta: MetricMeta;
  n: number;
  ci95: Interval | null;
  /** Durations: the mean and 90th percentile beside the median. */
  mean?: number | null;
  p90?: number | null;
  /** Volume: resolved and backlog beside created. */
  resolved?: number;
  backlog?: number;
  change?: Change;
  goalMetric: GoalMetric | null;
  drill: DrilldownMetric;
  spark: (number | null)[];
}

const byKey = (groups: MetricGroup[]) => [...groups].sort((a, b) => a.key.localeCompare(b.key));

/** The seven headline figures of UI.md's Overview, in reading order. */
export function headlines(report: MetricsReport, trend: MetricGroup[]): Headline[] {
  const points = byKey(trend);
  const useCes7 = report.ces7.n > 0 || report.ces5.n === 0;
  const cesMetric: GoalMetric = useCes7 ? 'ces7.average' : 'ces5.average';
  const ces = useCes7 ? report.ces7 : report.ces5;
  return [
    {
      id: 'csat',
      titleKey: 'csat',
      value: report.csat.percent,
      unit: 'percent',
      meta: METRIC_META['csat.percent'],
      n: report.csat.n,
      ci95: report.csat.ci95,
      change: report.csat.change,
      goalMetric: 'csat.percent',
      drill: 'csat',
      spark: points.map((g) => g.csat.percent),
    },
    {
      id: 'nps',
      titleKey: 'nps',
      value: report.nps.score,
      unit: 'index',
      meta: METRIC_META['nps.score'],
      n: report.nps.n,
      ci95: report.nps.ci95,
      change: report.nps.change,
      goalMetric: 'nps.score',
      drill: 'nps',
      spark: points.map((g) => g.nps.score),
    },
    {
      id: 'ces',
      titleKey: useCes7 ? 'ces7' : 'ces5',
      value: ces.average,
      unit: 'mean',
      meta: METRIC_META[cesMetric],
      n: ces.n,
      ci95: ces.ci95,
      change: ces.change,
      goalMetric: cesMetric,
      drill: useCes7 ? 'ces7' : 'ces5',
      spark: points.map((g) => (useCes7 ? g.ces7.average : g.ces5.average)),
    },
    {
      id: 'first_response',
      titleKey: 'first_response',
      value: report.first_response.median_seconds,
      unit: 'duration',
      meta: METRIC_META['first_response.median_seconds'],
      n: report.first_response.n,
      ci95: null,
      mean: report.first_response.mean_seconds,
      p90: report.first_response.p90_seconds,
      change: report.first_response.change,
      goalMetric: 'first_response.median_seconds',
      drill: 'first_response',
      spark: points.map((g) => g.first_response.median_seconds),
    },
    {
      id: 'resolution',
      titleKey: 'resolution',
      value: report.resolution.median_seconds,
      unit: 'duration',
      meta: METRIC_META['resolution.median_seconds'],
      n: report.resolution.n,
      ci95: null,
      mean: report.resolution.mean_seconds,
      p90: report.resolution.p90_seconds,
      change: report.resolution.change,
      goalMetric: 'resolution.median_seconds',
      drill: 'resolution',
      spark: points.map((g) => g.resolution.median_seconds),
    },
    {
      id: 'fcr',
      titleKey: 'fcr',
      value: report.fcr.percent,
      unit: 'percent',
      meta: METRIC_META['fcr.percent'],
      n: report.fcr.n,
      ci95: report.fcr.ci95,
      change: report.fcr.change,
      goalMetric: 'fcr.percent',
      drill: 'fcr',
      spark: points.map((g) => g.fcr.percent),
    },
    {
      id: 'volume',
      titleKey: 'volume',
      value: report.volume.created,
      unit: 'count',
      meta: { unit: 'count', lowerIsBetter: false },
      n: report.volume.created,
      ci95: null,
      resolved: report.volume.resolved,
      backlog: report.volume.backlog,
      change: report.volume.change,
      goalMetric: 'volume.created',
      drill: 'created',
      spark: points.map((g) => g.volume.created),
    },
  ];
}
