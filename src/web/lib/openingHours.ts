import { normalizeRanges, type OpeningRange } from '../../shared/business-hours.ts';
import type { Locale } from '../../shared/contracts/common.ts';

const WEEKDAYS: Record<Locale, string[]> = {
  ja: ['月', '火', '水', '木', '金', '土', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** ISO weekday 1 (Monday) … 7 (Sunday) → 月 / Mon. */
export const weekdayName = (weekday: number, locale: Locale) => WEEKDAYS[locale][weekday - 1] ?? String(weekday);

/** "09:00" → "9:00". */
const clock = (value: string) => value.replace(/^0(\d)/, '$1');

/**
 * Opening hours in a line a person reads at a glance: weekdays with the same hours are
 * grouped, runs of consecutive days joined ("月–金 9:00–18:00 · 土 10:00–15:00").
 */
export function summarizeOpeningHours(ranges: readonly OpeningRange[], locale: Locale): string {
  const byDay = new Map<number, string>();
  for (const range of normalizeRanges(ranges)) {
    const text = `${clock(range.start)}–${clock(range.end)}`;
    const before = byDay.get(range.weekday);
    byDay.set(range.weekday, before ? `${before}, ${text}` : text);
  }
  const groups = new Map<string, number[]>();
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const hours = byDay.get(weekday);
    if (hours) groups.set(hours, [...(groups.get(hours) ?? []), weekday]);
  }
  const separator = locale === 'ja' ? '・' : ', ';
  return [...groups.entries()]
    .map(([hours, days]) => {
      const runs: number[][] = [];
      for (const day of days) {
        const run = runs.at(-1);
        if (run && run.at(-1) === day - 1) run.push(day);
        else runs.push([day]);
      }
      const names = runs.map((run) => {
        const first = weekdayName(run[0] ?? 1, locale);
        if (run.length === 1) return first;
        const last = weekdayName(run.at(-1) ?? 1, locale);
        return run.length === 2 ? `${first}${separator}${last}` : `${first}–${last}`;
      });
      return `${names.join(separator)} ${hours}`;
    })
    .join(' · ');
}
