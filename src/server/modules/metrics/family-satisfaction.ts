import { type SQL, sql } from 'drizzle-orm';
import type { MetricGroupBy } from '../../../shared/contracts/metrics.ts';
import type { Band } from '../../../shared/metrics/bands.ts';
import type { ScoreCounts } from '../../../shared/metrics/figures.ts';
import type { Tx } from '../../db/client.ts';
import type { MetricsContext } from './context.ts';
import { filterConditions, type Grouped, type GroupRow, groupJoin, splitGroups } from './filters.ts';
import type { Period } from './period.ts';
import { bandCondition, type ScoreCountRow, scoreCountColumns, toCounts } from './satisfaction.ts';
import { invitationsSource, type MeasuredKind, responsesSource, SURVEY_KINDS_MEASURED } from './sources.ts';

/**
 * Satisfaction counts (n, skipped, Σ, Σ², bands) per survey kind — CSAT, NPS, CES 2.0 and
 * CES effort are never mixed — and the response rate, each in one grouped statement.
 */

export type KindCounts = Record<MeasuredKind, ScoreCounts>;

export const emptyCounts = (): ScoreCounts => ({
  n: 0,
  skipped: 0,
  sum: 0,
  sumOfSquares: 0,
  negative: 0,
  neutral: 0,
  positive: 0,
});

/** The band of `d.score` for whichever kind the row is. */
export function bandOfRow(band: Band): SQL {
  const cases = SURVEY_KINDS_MEASURED.map((kind) => sql`when ${kind} then ${bandCondition(sql`d.score`, kind, band)}`);
  return sql`(case d.kind ${sql.join(cases, sql` `)} else false end)`;
}

interface CountRow extends GroupRow, ScoreCountRow {
  kind: MeasuredKind;
}

function foldKinds(rows: CountRow[]): KindCounts {
  const counts = Object.fromEntries(SURVEY_KINDS_MEASURED.map((k) => [k, emptyCounts()])) as KindCounts;
  for (const row of rows) counts[row.kind] = toCounts(row);
  return counts;
}

export async function satisfactionCounts(
  tx: Tx,
  ctx: MetricsContext,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<KindCounts>> {
  const source = responsesSource(ctx, period);
  const result = await tx.execute<CountRow>(sql`
    select g.total, g.key, d.kind,
           ${scoreCountColumns(sql`d.score`, bandOfRow)}
      from (${source.sql}) d
      ${groupJoin(ctx, source, by)}
     where ${filterConditions(ctx)}
     group by g.total, g.key, d.kind`);
  return splitGroups(result.rows, foldKinds);
}

export interface ResponseRateCounts {
  delivered: number;
  responses: number;
}

interface RateRow extends GroupRow {
  delivered: number;
  responses: number;
}

/** Delivered invitations created in the period and how many of them were answered. */
export async function responseRateCounts(
  tx: Tx,
  ctx: MetricsContext,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<ResponseRateCounts>> {
  const source = invitationsSource(ctx, period);
  const result = await tx.execute<RateRow>(sql`
    select g.total, g.key, count(*)::int as delivered, count(*) filter (where d.responded)::int as responses
      from (${source.sql}) d
      ${groupJoin(ctx, source, by)}
     where ${filterConditions(ctx)}
     group by g.total, g.key`);
  return splitGroups(result.rows, (rows) => ({
    delivered: rows.reduce((sum, row) => sum + Number(row.delivered), 0),
    responses: rows.reduce((sum, row) => sum + Number(row.responses), 0),
  }));
}
