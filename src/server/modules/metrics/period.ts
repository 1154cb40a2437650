import type { z } from 'zod';
import type { MetricGroupBy } from '../../../shared/contracts/metrics.ts';

/** Local dates, inclusive, in the workspace's time zone. */
export interface Period {
  from: string;
  to: string;
}

export type BucketUnit = 'day' | 'week' | 'month';

export const MAX_PERIOD_YEARS = 3;
const EARLIEST = '1900-01-01';
const LATEST = '2999-12-31';

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => (Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : '');

/** The earlier / later of two YYYY-MM-DD dates (strings: Math.min would not do). */
const earlier = (a: string, b: string) => (a <= b ? a : b);
const later = (a: string, b: string) => (a >= b ? a : b);

export const addDays = (date: string, days: number) => toDate(toTime(date) + days * DAY_MS);

export function addYears(date: string, years: number): string {
  const d = new Date(toTime(date));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return toDate(d.getTime());
}

/** Days in the period, both ends included. */
export const periodDays = (period: Period) => Math.round((toTime(period.to) - toTime(period.from)) / DAY_MS) + 1;

/** What is wrong with a period, named by its field, or null. */
export function periodProblem(period: Period): { field: 'from' | 'to'; message: string } | null {
  // Far dates would leave the calendar both JavaScript and PostgreSQL share (no year 0).
  if (period.from < EARLIEST) return { field: 'from', message: `must be on or after ${EARLIEST}` };
  if (period.to > LATEST) return { field: 'to', message: `must be on or before ${LATEST}` };
  if (period.to < period.from) return { field: 'to', message: 'must be on or after from' };
  if (period.to >= addYears(period.from, MAX_PERIOD_YEARS)) {
    return { field: 'to', message: `must be less than ${MAX_PERIOD_YEARS} years after from` };
  }
  return null;
}

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && toDate(toTime(value)) === value;

/**
 * A zod refinement for query schemas: a bad period becomes a 400 naming `query.to` (or `--to`).
 * It also runs when a date itself is malformed (zod reports that one): then it says nothing.
 */
export function checkPeriod(value: Period, ctx: z.RefinementCtx): void {
  if (!isDate(value.from) || !isDate(value.to)) return;
  const problem = periodProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

/** The same number of days right before `from`. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

export const isBucket = (by: MetricGroupBy | null | undefined): by is BucketUnit =>
  by === 'day' || by === 'week' || by === 'month';

/** The local date a bucket containing `date` starts on (weeks from Monday). */
export function bucketStart(date: string, unit: BucketUnit): string {
  if (unit === 'day') return date;
  if (unit === 'month') return `${date.slice(0, 7)}-01`;
  const weekday = (new Date(toTime(date)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

function nextBucket(start: string, unit: BucketUnit): string {
  if (unit === 'day') return addDays(start, 1);
  if (unit === 'week') return addDays(start, 7);
  const d = new Date(toTime(start));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return toDate(d.getTime());
}

export interface Bucket {
  /** The bucket's start date (may be before the period's `from`). */
  key: string;
  /** The day after the bucket's last day inside the period (its end, exclusive). */
  endExclusive: string;
}

/** Every bucket overlapping the period, oldest first, empty ones included. */
export function bucketsOf(period: Period, unit: BucketUnit): Bucket[] {
  const buckets: Bucket[] = [];
  const periodEnd = addDays(period.to, 1);
  for (let key = bucketStart(period.from, unit); key <= period.to; key = nextBucket(key, unit)) {
    const next = nextBucket(key, unit);
    buckets.push({ key, endExclusive: earlier(next, periodEnd) });
  }
  return buckets;
}

/** The part of a bucket inside the period, as local dates (for drill-downs of one bucket). */
export function bucketPeriod(key: string, unit: BucketUnit, period: Period): Period | null {
  const time = toTime(key);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(time) || toDate(time) !== key) return null;
  if (bucketStart(key, unit) !== key) return null;
  const from = later(key, period.from);
  const lastDay = addDays(nextBucket(key, unit), -1);
  const to = earlier(lastDay, period.to);
  return from <= to ? { from, to } : null;
}
