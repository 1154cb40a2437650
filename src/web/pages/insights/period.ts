import { localDate } from '../feedback/summary/period.ts';

export const INSIGHT_PERIODS = ['7d', '30d', '90d', 'thisMonth', 'lastMonth', 'custom'] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

export const isInsightPeriod = (value: string | null): value is InsightPeriod =>
  (INSIGHT_PERIODS as readonly (string | null)[]).includes(value);

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

/**
 * The calendar dates of a period in the workspace's time zone, both ends included.
 * A custom period uses the given dates; when they are missing or reversed, the last 30 days.
 */
export function periodRange(
  period: InsightPeriod,
  timeZone: string,
  custom: { from: string | null; to: string | null } = { from: null, to: null },
  now = new Date(),
): { from: string; to: string } {
  const today = localDate(now, timeZone);
  switch (period) {
    case '7d':
      return { from: addDays(today, -6), to: today };
    case '90d':
      return { from: addDays(today, -89), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'lastMonth': {
      const end = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${end.slice(0, 8)}01`, to: end };
    }
    case 'custom':
      if (custom.from && custom.to && DATE.test(custom.from) && DATE.test(custom.to) && custom.from <= custom.to) {
        return { from: custom.from, to: custom.to };
      }
      return { from: addDays(today, -29), to: today };
    default:
      return { from: addDays(today, -29), to: today };
  }
}

/** Days for up to two months, weeks beyond: a trend keeps 7–60 points. */
export const trendBucket = (from: string, to: string): 'day' | 'week' => (daysBetween(from, to) <= 62 ? 'day' : 'week');
