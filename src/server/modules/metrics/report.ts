import type { MetricGroup, MetricGroupBy, MetricsQuery, MetricsReport } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { addChanges } from './change.ts';
import { loadContext, type MetricsContext } from './context.ts';
import { durationFigures } from './family-durations.ts';
import { rateCounts } from './family-rates.ts';
import { responseRateCounts, satisfactionCounts } from './family-satisfaction.ts';
import { volumeCounts } from './family-volume.ts';
import type { Grouped } from './filters.ts';
import { groupLabels } from './labels.ts';
import { emptyMetricCounts, type MetricCounts, metricSet } from './metric-set.ts';
import { bucketsOf, isBucket, type Period, previousPeriod } from './period.ts';
import {
  type RollupPlan,
  rollupConversationCounts,
  rollupDurations,
  rollupPlan,
  rollupResponseRate,
  rollupSatisfaction,
} from './rollups/read.ts';
import { refreshRollups } from './rollups/refresh.ts';

/**
 * Every support and satisfaction figure of DESIGN.md "Metric definitions" for a period,
 * its totals and (with `by`) each group: one grouped statement per family (satisfaction,
 * response rate, durations, rates, volume, backlog), whatever the number of groups.
 * Shared by the API, `koe metrics`, dashboards and goals.
 */

interface Counted {
  total: MetricCounts;
  groups: Map<string, MetricCounts>;
}

/** The families from the raw rows: any filter combination, the slow path. */
async function rawFamilies(tx: Tx, ctx: MetricsContext, period: Period, by: MetricGroupBy | null) {
  const scores = await satisfactionCounts(tx, ctx, period, by);
  const responseRate = await responseRateCounts(tx, ctx, period, by);
  const durations = await durationFigures(tx, ctx, period, by);
  const rates = await rateCounts(tx, ctx, period, by);
  const volume = await volumeCounts(tx, ctx, period, by);
  return { scores, responseRate, durations, rates, volume } as const;
}

/** The same families from the daily rollups (rollups/read.ts). */
async function rollupFamilies(tx: Tx, ctx: MetricsContext, plan: RollupPlan, period: Period, by: MetricGroupBy | null) {
  const scores = await rollupSatisfaction(tx, ctx, plan, period, by);
  const responseRate = await rollupResponseRate(tx, ctx, plan, period, by);
  const durations = await rollupDurations(tx, ctx, plan, period, by);
  const { rates, volume } = await rollupConversationCounts(tx, ctx, plan, period, by);
  return { scores, responseRate, durations, rates, volume } as const;
}

async function countAll(
  tx: Tx,
  ctx: MetricsContext,
  period: Period,
  by: MetricGroupBy | null,
  plan: RollupPlan | null,
): Promise<Counted> {
  const families = plan ? await rollupFamilies(tx, ctx, plan, period, by) : await rawFamilies(tx, ctx, period, by);
  const keys = new Set<string>();
  for (const family of Object.values(families) as Grouped<unknown>[])
    for (const key of family.groups.keys()) keys.add(key);
  const countsOf = (key: string | null): MetricCounts => {
    const empty = emptyMetricCounts();
    const pick = <K extends keyof MetricCounts>(name: K): MetricCounts[K] => {
      const family = families[name] as Grouped<MetricCounts[K]>;
      return (key === null ? family.total : family.groups.get(key)) ?? empty[name];
    };
    return {
      scores: pick('scores'),
      responseRate: pick('responseRate'),
      durations: pick('durations'),
      rates: pick('rates'),
      volume: pick('volume'),
    };
  };
  return { total: countsOf(null), groups: new Map([...keys].map((key) => [key, countsOf(key)])) };
}

/** Group keys in report order: every bucket oldest first; otherwise by label, the "none" group ('') last. */
function orderedKeys(by: MetricGroupBy, period: Period, found: string[], labels: Map<string, string>): string[] {
  if (isBucket(by)) return bucketsOf(period, by).map((b) => b.key);
  const label = (key: string) => labels.get(key) ?? key;
  return [...found].sort((a, b) => {
    if (a === '' || b === '') return a === '' ? 1 : b === '' ? -1 : 0;
    return label(a).localeCompare(label(b)) || a.localeCompare(b);
  });
}

export interface ComputeOptions {
  /**
   * 'auto' (the default) reads the daily rollups whenever they can answer the query (at
   * most one filtered dimension, no segment) and the raw rows otherwise; 'raw' always
   * reads the raw rows (the benchmark's baseline and the rollups' reference in tests).
   */
  source?: 'auto' | 'raw' | 'rollups';
}

export async function computeMetrics(
  tx: Tx,
  workspaceId: string,
  query: MetricsQuery,
  options: ComputeOptions = {},
): Promise<MetricsReport> {
  const ctx = await loadContext(tx, workspaceId, query);
  const period: Period = { from: query.from, to: query.to };
  const by = query.by ?? null;
  const plan = options.source === 'raw' ? null : rollupPlan(ctx, by);
  if (options.source === 'rollups' && !plan) throw new Error('the rollups cannot answer this query');
  // Every committed write is in the figures: the days writes noted are rebuilt first.
  if (plan) await refreshRollups(tx, workspaceId, { context: ctx });
  const current = await countAll(tx, ctx, period, by, plan);
  const total = metricSet(current.total);

  const keys = [...current.groups.keys()];
  const labels = by && !isBucket(by) ? await groupLabels(tx, workspaceId, by, keys) : new Map<string, string>();
  const groups: MetricGroup[] = by
    ? orderedKeys(by, period, keys, labels).map((key) => ({
        key,
        label: labels.get(key) ?? key,
        ...metricSet(current.groups.get(key) ?? emptyMetricCounts()),
      }))
    : [];

  let previous: Period | null = null;
  if (query.compare) {
    previous = previousPeriod(period);
    // Dimension groups compare with the same group before; time buckets have no counterpart.
    const groupedBy = by && !isBucket(by) ? by : null;
    const before = await countAll(tx, ctx, previous, groupedBy, plan && rollupPlan(ctx, groupedBy));
    addChanges(total, metricSet(before.total), current.total, before.total);
    if (groupedBy) {
      for (const group of groups) {
        const counts = current.groups.get(group.key) ?? emptyMetricCounts();
        const earlier = before.groups.get(group.key) ?? emptyMetricCounts();
        addChanges(group, metricSet(earlier), counts, earlier);
      }
    }
  }

  return {
    from: period.from,
    to: period.to,
    time_zone: ctx.timeZone,
    business_hours: ctx.businessHours,
    previous_period: previous,
    by,
    ...total,
    groups,
  };
}
