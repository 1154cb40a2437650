import { type SQL, sql } from 'drizzle-orm';
import type { Rate } from '../../../shared/contracts/recovery-metrics.ts';
import { wilsonInterval } from '../../../shared/metrics/intervals.ts';

/** A proportion with its n and Wilson 95 % interval, in percent; null figures when n = 0. */
export function rateOf(count: number, n: number): Rate {
  const interval = wilsonInterval(count, n);
  return {
    count,
    n,
    percent: n > 0 ? round((count / n) * 100) : null,
    ci95: interval ? [round(interval[0] * 100), round(interval[1] * 100)] : null,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Continuous percentile (as PostgreSQL's percentile_cont) of sorted values; null when empty. */
export function percentileCont(sorted: number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return round(low + (high - low) * (position - lower));
}

/**
 * The key of a group (`by`) as text, and `group by grouping sets ((), (key))` so one
 * statement returns the total (total = 1) and every group.
 */
export function grouping(key: SQL | null): { select: SQL; groupBy: SQL } {
  if (!key) return { select: sql`null::text as key, 1 as total`, groupBy: sql`` };
  return {
    select: sql`${key} as key, grouping(${key}) as total`,
    groupBy: sql`group by grouping sets ((), (${key}))`,
  };
}

export const isTotal = (row: { total: unknown }) => Number(row.total) === 1;
