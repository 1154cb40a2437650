import { sql } from 'drizzle-orm';
import type { MetricGroupBy } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import type { MetricsContext } from './context.ts';
import { filterConditions, type Grouped, type GroupRow, groupJoin, splitGroups } from './filters.ts';
import type { Period } from './period.ts';
import { resolvedCyclesSource } from './sources.ts';

/**
 * One-touch, reopen and first-contact-resolution counts over the cycles resolved in the
 * period (attributed to the resolver), in one grouped statement.
 */
export interface RateCounts {
  /** Cycles resolved in the period: the one-touch and reopen denominator. */
  resolved: number;
  oneTouch: number;
  reopened: number;
  /** First cycles resolved in the period: the FCR denominator. */
  fcrEligible: number;
  fcr: number;
}

export const emptyRates = (): RateCounts => ({ resolved: 0, oneTouch: 0, reopened: 0, fcrEligible: 0, fcr: 0 });

interface RateRow extends GroupRow {
  resolved: number;
  one_touch: number;
  reopened: number;
  fcr_eligible: number;
  fcr: number;
}

export async function rateCounts(
  tx: Tx,
  ctx: MetricsContext,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<RateCounts>> {
  const source = resolvedCyclesSource(ctx, period);
  const result = await tx.execute<RateRow>(sql`
    select g.total, g.key, count(*)::int as resolved,
           count(*) filter (where d.one_touch)::int as one_touch,
           count(*) filter (where d.reopened)::int as reopened,
           count(*) filter (where d.fcr_eligible)::int as fcr_eligible,
           count(*) filter (where d.fcr)::int as fcr
      from (${source.sql}) d
      ${groupJoin(ctx, source, by)}
     where ${filterConditions(ctx)}
     group by g.total, g.key`);
  return splitGroups(result.rows, (rows) => {
    const row = rows[0];
    if (!row) return emptyRates();
    return {
      resolved: Number(row.resolved),
      oneTouch: Number(row.one_touch),
      reopened: Number(row.reopened),
      fcrEligible: Number(row.fcr_eligible),
      fcr: Number(row.fcr),
    };
  });
}
