import { type SQL, sql } from 'drizzle-orm';
import type { MetricGroupBy } from '../../../../shared/contracts/metrics.ts';
import { type Histogram, HistogramMerger, histogramFigures } from '../../../../shared/metrics/histogram.ts';
import type { Tx } from '../../../db/client.ts';
import type { MetricsContext } from '../context.ts';
import { type Durations, emptyDuration } from '../family-durations.ts';
import type { RateCounts } from '../family-rates.ts';
import { bandOfRow, emptyCounts, type KindCounts, type ResponseRateCounts } from '../family-satisfaction.ts';
import type { VolumeCounts } from '../family-volume.ts';
import { type Grouped, type GroupRow, splitGroups } from '../filters.ts';
import { addDays, bucketsOf, isBucket, type Period } from '../period.ts';
import { DURATION_FIGURES, type DurationFigureName, SURVEY_KINDS_MEASURED } from '../sources.ts';

/**
 * The figure families of report.ts read from the daily rollups instead of the raw rows.
 * A rollup row holds one dimension value, so a query can use them when it filters on at
 * most one dimension (one tag at most: a conversation with two tags is in two tag rows)
 * and groups by time or by that same dimension; anything else reads the raw rows.
 */

export interface RollupPlan {
  /** The rows the totals come from: 'all', or the one filtered dimension. */
  dimension: string;
  values: string[] | null;
  /** The rows the groups come from (a dimension `by`), or null for time buckets / none. */
  groupDimension: string | null;
}

const FILTER_DIMENSIONS = [
  ['channel', 'channel'],
  ['agentId', 'agent'],
  ['teamId', 'team'],
  ['companyId', 'company'],
  ['tag', 'tag'],
  ['touchpoint', 'touchpoint'],
] as const;

/** How the rollups answer this query, or null when only the raw rows can. */
export function rollupPlan(ctx: MetricsContext, by: MetricGroupBy | null): RollupPlan | null {
  if (ctx.segment) return null;
  const used = FILTER_DIMENSIONS.flatMap(([field, dimension]) => {
    const values = ctx.filters[field];
    return values && values.length > 0 ? [{ dimension, values: values as string[] }] : [];
  });
  if (used.length > 1) return null;
  const filter = used[0] ?? null;
  if (filter?.dimension === 'tag' && filter.values.length > 1) return null;
  const groupDimension = by && !isBucket(by) ? by : null;
  if (groupDimension && filter && filter.dimension !== groupDimension) return null;
  return { dimension: filter?.dimension ?? 'all', values: filter?.values ?? null, groupDimension };
}

function rowFilter(ctx: MetricsContext, plan: RollupPlan, dimension: string, days: SQL): SQL {
  // The totals' rows have the one value ''; saying so lets the primary key narrow to them.
  const values =
    dimension === 'all'
      ? sql` and d.dim_value = ''`
      : plan.values && dimension === plan.dimension
        ? sql` and d.dim_value = any(${sql.param(plan.values)}::text[])`
        : sql``;
  return sql`d.workspace_id = ${ctx.workspaceId} and d.dimension = ${dimension}${values} and ${days}`;
}

const inPeriod = (period: Period) => sql`d.day between ${period.from}::date and ${period.to}::date`;

/**
 * `select total, key, <columns>` over a rollup table: the totals' rows, then each group's
 * (time buckets of the same rows, or the rows of the grouped dimension), grouped by `extra` too.
 */
function grouped(
  table: string,
  ctx: MetricsContext,
  plan: RollupPlan,
  by: MetricGroupBy | null,
  days: SQL,
  columns: SQL,
  extra: SQL[] = [],
): SQL {
  const groupBy = (first: SQL[]) => {
    const all = [...first, ...extra];
    return all.length ? sql` group by ${sql.join(all, sql`, `)}` : sql``;
  };
  const from = sql`from ${sql.identifier(table)} d`;
  const extraColumns = extra.length ? sql`, ${sql.join(extra, sql`, `)}` : sql``;
  const totals = sql`select true as total, null::text as key${extraColumns}, ${columns}
    ${from} where ${rowFilter(ctx, plan, plan.dimension, days)}${groupBy([])}`;
  if (!by) return totals;
  if (isBucket(by)) {
    const key = sql`to_char(date_trunc(${sql.raw(`'${by}'`)}, d.day::timestamp), 'YYYY-MM-DD')`;
    return sql`${totals} union all select false, ${key}${extraColumns}, ${columns}
      ${from} where ${rowFilter(ctx, plan, plan.dimension, days)}${groupBy([key])}`;
  }
  const dimension = plan.groupDimension ?? by;
  return sql`${totals} union all select false, d.dim_value${extraColumns}, ${columns}
    ${from} where ${rowFilter(ctx, plan, dimension, days)}${groupBy([sql`d.dim_value`])}`;
}

interface KindRow extends GroupRow, Record<string, unknown> {
  kind: string;
  n: number;
  skipped: number;
  sum: number;
  sum_of_squares: number;
  negative: number;
  neutral: number;
  positive: number;
}

export async function rollupSatisfaction(
  tx: Tx,
  ctx: MetricsContext,
  plan: RollupPlan,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<KindCounts>> {
  const weighted = (condition: SQL) => sql`coalesce(sum(d.responses) filter (where ${condition}), 0)::float8`;
  const columns = sql`${weighted(sql`d.score >= 0`)} as n, ${weighted(sql`d.score < 0`)} as skipped,
    coalesce(sum(d.score * d.responses) filter (where d.score >= 0), 0)::float8 as sum,
    coalesce(sum(d.score * d.score * d.responses) filter (where d.score >= 0), 0)::float8 as sum_of_squares,
    ${weighted(bandOfRow('negative'))} as negative, ${weighted(bandOfRow('neutral'))} as neutral,
    ${weighted(bandOfRow('positive'))} as positive`;
  const kinds = sql.join(
    SURVEY_KINDS_MEASURED.map((k) => sql`${k}`),
    sql`, `,
  );
  const days = sql`${inPeriod(period)} and d.kind in (${kinds})`;
  const result = await tx.execute<KindRow>(
    grouped('rollup_responses_daily', ctx, plan, by, days, columns, [sql`d.kind`]),
  );
  return splitGroups(result.rows, (rows) => {
    const counts = Object.fromEntries(SURVEY_KINDS_MEASURED.map((k) => [k, emptyCounts()])) as KindCounts;
    for (const row of rows) {
      counts[row.kind as keyof KindCounts] = {
        n: Number(row.n),
        skipped: Number(row.skipped),
        sum: Number(row.sum),
        sumOfSquares: Number(row.sum_of_squares),
        negative: Number(row.negative),
        neutral: Number(row.neutral),
        positive: Number(row.positive),
      };
    }
    return counts;
  });
}

export async function rollupResponseRate(
  tx: Tx,
  ctx: MetricsContext,
  plan: RollupPlan,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<ResponseRateCounts>> {
  const columns = sql`sum(d.delivered)::float8 as delivered, sum(d.responded)::float8 as responses`;
  const result = await tx.execute<GroupRow & Record<string, unknown> & { delivered: number; responses: number }>(
    grouped('rollup_invitations_daily', ctx, plan, by, inPeriod(period), columns),
  );
  return splitGroups(result.rows, (rows) => ({
    delivered: Number(rows[0]?.delivered ?? 0),
    responses: Number(rows[0]?.responses ?? 0),
  }));
}

interface HistogramRow extends Record<string, unknown> {
  total: boolean;
  key: string | null;
  metric: string;
  count: number;
  seconds: number;
  histogram: Uint8Array;
}

const tenths = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Dimensions that give every duration exactly one value ('' for none), so their rows add up
 * to the totals; not tags (any number per conversation) nor touchpoints (durations have none).
 */
const PARTITIONS = new Set(['channel', 'agent', 'team', 'company']);

/**
 * Duration figures from the histogram rows: one row per day, dimension value and figure,
 * merged here (src/shared/metrics/histogram.ts), so the rows read grow with days × values
 * and never with the number of durations. The totals are the merge of the groups' rows,
 * except for tags (a conversation has any number of them), whose totals are read apart.
 */
export async function rollupDurations(
  tx: Tx,
  ctx: MetricsContext,
  plan: RollupPlan,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<Durations>> {
  const suffix = ctx.businessHours ? '_business' : '';
  const metrics = DURATION_FIGURES.map((f) => `${f}${suffix}`);
  const days = sql`${inPeriod(period)} and d.metric = any(${sql.param(metrics)}::text[])`;
  const columns = sql`d.metric, d.count::float8 as count, d.total::float8 as seconds, d.histogram`;
  const groupDimension = by && !isBucket(by) ? (plan.groupDimension ?? by) : null;
  const key = isBucket(by)
    ? sql`to_char(date_trunc(${sql.raw(`'${by}'`)}, d.day::timestamp), 'YYYY-MM-DD')`
    : groupDimension
      ? sql`d.dim_value`
      : sql`null::text`;
  const groupRows = sql`select false as total, ${key} as key, ${columns} from rollup_durations_daily d
     where ${rowFilter(ctx, plan, groupDimension ?? plan.dimension, days)}`;
  const totalsApart = groupDimension !== null && !PARTITIONS.has(groupDimension) && groupDimension !== plan.dimension;
  const query = totalsApart
    ? sql`${groupRows} union all select true, null::text, ${columns} from rollup_durations_daily d
       where ${rowFilter(ctx, plan, plan.dimension, days)}`
    : groupRows;
  const result = await tx.execute<HistogramRow>(query);

  const merger = new HistogramMerger();
  const totals = new Map(metrics.map((m) => [m, new HistogramMerger()]));
  const byGroup = new Map<string, Map<string, HistogramRow[]>>();
  for (const row of result.rows) {
    if (row.total) {
      totals.get(row.metric)?.addStored(Number(row.count), Number(row.seconds), row.histogram);
      continue;
    }
    const group = byGroup.get(row.key ?? '') ?? new Map<string, HistogramRow[]>();
    byGroup.set(row.key ?? '', group);
    const list = group.get(row.metric) ?? [];
    group.set(row.metric, list);
    list.push(row);
  }
  const figuresOf = (histograms: Map<string, Histogram>): Durations => {
    const durations = Object.fromEntries(DURATION_FIGURES.map((f) => [f, emptyDuration()])) as Durations;
    for (const figure of DURATION_FIGURES) {
      const histogram = histograms.get(`${figure}${suffix}`);
      if (!histogram) continue;
      const figures = histogramFigures(histogram);
      durations[figure as DurationFigureName] = {
        n: figures.n,
        median_seconds: tenths(figures.median),
        mean_seconds: tenths(figures.mean),
        p90_seconds: tenths(figures.p90),
      };
    }
    return durations;
  };
  const groups = new Map<string, Durations>();
  for (const [groupKey, rowsByMetric] of byGroup) {
    const histograms = new Map<string, Histogram>();
    for (const [metric, rows] of rowsByMetric) {
      for (const row of rows) merger.addStored(Number(row.count), Number(row.seconds), row.histogram);
      const histogram = merger.take();
      histograms.set(metric, histogram);
      if (!totalsApart) totals.get(metric)?.addHistogram(histogram);
    }
    groups.set(groupKey, figuresOf(histograms));
  }
  const total = figuresOf(new Map([...totals].map(([metric, m]) => [metric, m.take()])));
  return { total, groups: by ? groups : new Map() };
}

interface CountersRow extends GroupRow, Record<string, unknown> {
  created: number;
  resolved_cycles: number;
  one_touch: number;
  reopened: number;
  fcr_total: number;
  fcr_count: number;
}

export async function rollupConversationCounts(
  tx: Tx,
  ctx: MetricsContext,
  plan: RollupPlan,
  period: Period,
  by: MetricGroupBy | null,
): Promise<{ rates: Grouped<RateCounts>; volume: Grouped<VolumeCounts> }> {
  const sum = (column: string) => sql`coalesce(sum(${sql.raw(`d.${column}`)}), 0)::float8 as ${sql.raw(column)}`;
  const columns = sql.join(
    ['created', 'resolved_cycles', 'one_touch', 'reopened', 'fcr_total', 'fcr_count'].map(sum),
    sql`, `,
  );
  const result = await tx.execute<CountersRow>(
    grouped('rollup_conversations_daily', ctx, plan, by, inPeriod(period), columns),
  );
  const backlog = await rollupBacklog(tx, ctx, plan, period, by);
  const resolved = await rollupResolved(tx, ctx, plan, period, by);
  const first = (rows: CountersRow[]) => rows[0];
  const rates = splitGroups(result.rows, (rows): RateCounts => {
    const row = first(rows);
    return {
      resolved: Number(row?.resolved_cycles ?? 0),
      oneTouch: Number(row?.one_touch ?? 0),
      reopened: Number(row?.reopened ?? 0),
      fcrEligible: Number(row?.fcr_total ?? 0),
      fcr: Number(row?.fcr_count ?? 0),
    };
  });
  const created = splitGroups(result.rows, (rows) => Number(first(rows)?.created ?? 0));
  const flows: Grouped<{ created: number; resolved: number }> = {
    total: { created: created.total, resolved: resolved.total },
    groups: new Map(
      [...new Set([...created.groups.keys(), ...resolved.groups.keys()])].map((key) => [
        key,
        { created: created.groups.get(key) ?? 0, resolved: resolved.groups.get(key) ?? 0 },
      ]),
    ),
  };
  const keys = new Set([...flows.groups.keys(), ...backlog.groups.keys()]);
  const join = (f: { created: number; resolved: number } | undefined, open: number | undefined): VolumeCounts => ({
    created: f?.created ?? 0,
    resolved: f?.resolved ?? 0,
    backlog: open ?? 0,
  });
  return {
    rates,
    volume: {
      total: join(flows.total, backlog.total),
      groups: new Map([...keys].map((key) => [key, join(flows.groups.get(key), backlog.groups.get(key))])),
    },
  };
}

/**
 * Distinct conversations resolved in the period (and in each time bucket): those resolved
 * on a day whose previous resolution came before the start of the period (or bucket).
 */
async function rollupResolved(
  tx: Tx,
  ctx: MetricsContext,
  plan: RollupPlan,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<number>> {
  const start = isBucket(by)
    ? sql`greatest(date_trunc(${sql.raw(`'${by}'`)}, d.day::timestamp)::date, ${period.from}::date)`
    : sql`${period.from}::date`;
  const columns = sql`coalesce(sum(d.conversations) filter (where d.previous_day < ${start}), 0)::float8 as resolved`;
  // Totals count from the period's start; the bucket condition only applies to bucket groups.
  const totalColumns = sql`coalesce(sum(d.conversations) filter (where d.previous_day < ${period.from}::date), 0)::float8 as resolved`;
  const grouping = grouped('rollup_resolved_daily', ctx, plan, by, inPeriod(period), columns);
  const query = isBucket(by)
    ? sql`select * from (${grouping}) q where not q.total
          union all select true, null::text, ${totalColumns} from rollup_resolved_daily d
           where ${rowFilter(ctx, plan, plan.dimension, inPeriod(period))}`
    : grouping;
  const result = await tx.execute<GroupRow & Record<string, unknown> & { resolved: number }>(query);
  return splitGroups(result.rows, (rows) => Number(rows[0]?.resolved ?? 0));
}

/** The backlog at the end of the period (and of each time bucket): Σ (opened − closed) of every day before it. */
async function rollupBacklog(
  tx: Tx,
  ctx: MetricsContext,
  plan: RollupPlan,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<number>> {
  const end = addDays(period.to, 1);
  const before = sql`d.day < ${end}::date`;
  const net = sql`sum(d.opened - d.closed)::float8 as backlog`;
  if (!isBucket(by)) {
    const result = await tx.execute<GroupRow & Record<string, unknown> & { backlog: number }>(
      grouped('rollup_conversations_daily', ctx, plan, by, before, net),
    );
    return splitGroups(result.rows, (rows) => Number(rows[0]?.backlog ?? 0));
  }
  const daily = await tx.execute<{ day: string; backlog: number }>(sql`
    select to_char(d.day, 'YYYY-MM-DD') as day, ${net} from rollup_conversations_daily d
     where ${rowFilter(ctx, plan, plan.dimension, before)} group by d.day order by d.day`);
  const rows = daily.rows.map((r) => ({ day: r.day, net: Number(r.backlog) }));
  const openBefore = (exclusiveEnd: string) =>
    rows.reduce((total, row) => (row.day < exclusiveEnd ? total + row.net : total), 0);
  return {
    total: openBefore(end),
    groups: new Map(bucketsOf(period, by).map((b) => [b.key, openBefore(b.endExclusive)])),
  };
}

/** Conversations created per local ISO weekday and hour in the period. */
export async function rollupHeatmap(
  tx: Tx,
  ctx: MetricsContext,
  plan: RollupPlan,
  period: Period,
): Promise<{ weekday: number; hour: number; created: number }[]> {
  const result = await tx.execute<{ weekday: number; hour: number; created: number }>(sql`
    select extract(isodow from d.day)::int as weekday, d.hour::int as hour, sum(d.created)::int as created
      from rollup_created_hourly d
     where ${rowFilter(ctx, plan, plan.dimension, inPeriod(period))}
     group by 1, 2`);
  return result.rows;
}
