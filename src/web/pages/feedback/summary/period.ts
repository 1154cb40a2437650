import type { SummaryFilters } from '../../../api/surveySummary.ts';

export const PERIODS = ['7d', '30d', '90d', '365d', 'all'] as const;
export type Period = (typeof PERIODS)[number];

const DAYS: Record<Exclude<Period, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 };
const BUCKET: Record<Period, NonNullable<SummaryFilters['bucket']>> = {
  '7d': 'day',
  '30d': 'day',
  '90d': 'week',
  '365d': 'month',
  all: 'month',
};

export const isPeriod = (value: string | null): value is Period =>
  (PERIODS as readonly (string | null)[]).includes(value);

/** 2026-11-24 for an instant, as the calendar reads in the workspace's time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The dates and trend bucket of a period ending today (both ends included). */
export function periodFilters(
  period: Period,
  timeZone: string,
  now = new Date(),
): Pick<SummaryFilters, 'from' | 'to' | 'bucket'> {
  if (period === 'all') return { bucket: BUCKET.all };
  const from = new Date(now.getTime() - (DAYS[period] - 1) * 86_400_000);
  return { from: localDate(from, timeZone), to: localDate(now, timeZone), bucket: BUCKET[period] };
}
