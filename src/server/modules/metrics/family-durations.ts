import { sql } from 'drizzle-orm';
import type { DurationFigure, MetricGroupBy } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import type { MetricsContext } from './context.ts';
import { filterConditions, type Grouped, type GroupRow, groupJoin, splitGroups } from './filters.ts';
import type { Period } from './period.ts';
import { DURATION_FIGURES, type DurationFigureName, durationSource } from './sources.ts';

/**
 * First response, resolution and reply times: n, mean, median and 90th percentile
 * (continuous, `percentile_cont`) in seconds, each duration in the period in which it
 * ended, in calendar or business seconds. One statement for the three figures.
 */

export type Durations = Record<DurationFigureName, DurationFigure>;

export const emptyDuration = (): DurationFigure => ({
  n: 0,
  median_seconds: null,
  mean_seconds: null,
  p90_seconds: null,
});

/** Seconds to 0.1 s, so a JSON figure does not carry float noise. */
const tenths = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

interface DurationRow extends GroupRow {
  figure: DurationFigureName;
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

function foldDurations(rows: DurationRow[]): Durations {
  const durations = Object.fromEntries(DURATION_FIGURES.map((f) => [f, emptyDuration()])) as Durations;
  for (const row of rows) {
    durations[row.figure] = {
      n: Number(row.n),
      median_seconds: tenths(row.median),
      mean_seconds: tenths(row.mean),
      p90_seconds: tenths(row.p90),
    };
  }
  return durations;
}

export async function durationFigures(
  tx: Tx,
  ctx: MetricsContext,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<Durations>> {
  const sources = DURATION_FIGURES.map((figure) => durationSource(ctx, period, figure));
  const stacked = sql.join(
    sources.map((s) => sql`(${s.sql})`),
    sql` union all `,
  );
  // Every duration source lacks a touchpoint; the first stands for all in the group join.
  const [first] = sources;
  if (!first) throw new Error('no duration sources');
  const result = await tx.execute<DurationRow>(sql`
    select g.total, g.key, d.figure, count(*)::int as n,
           avg(d.seconds)::float8 as mean,
           percentile_cont(0.5) within group (order by d.seconds) as median,
           percentile_cont(0.9) within group (order by d.seconds) as p90
      from (${stacked}) d
      ${groupJoin(ctx, first, by)}
     where ${filterConditions(ctx)}
     group by g.total, g.key, d.figure`);
  return splitGroups(result.rows, foldDurations);
}
