/**
 * Time arithmetic for the demo, in the support team's zone (Asia/Tokyo has no
 * daylight saving, so a fixed offset is exact). Customers abroad are placed by
 * an approximate offset of their own zone.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const TOKYO_OFFSET = 9 * HOUR;

export const OPENS_AT = 9;
export const CLOSES_AT = 18;

/** Midnight in Tokyo of the day containing `at`. */
export function startOfTokyoDay(at: Date): Date {
  return new Date(Math.floor((at.getTime() + TOKYO_OFFSET) / DAY) * DAY - TOKYO_OFFSET);
}

const tokyo = (at: Date) => new Date(at.getTime() + TOKYO_OFFSET);
export const tokyoHour = (at: Date) => tokyo(at).getUTCHours() + tokyo(at).getUTCMinutes() / 60;
/** 0 = Sunday … 6 = Saturday, in Tokyo. */
export const tokyoWeekday = (at: Date) => tokyo(at).getUTCDay();
export const isWeekend = (at: Date) => tokyoWeekday(at) === 0 || tokyoWeekday(at) === 6;

export function isBusinessTime(at: Date): boolean {
  const hour = tokyoHour(at);
  return !isWeekend(at) && hour >= OPENS_AT && hour < CLOSES_AT;
}

/** `at` itself during business hours, otherwise the next opening (weekends skipped; holidays are not modelled). */
export function nextBusinessTime(at: Date): Date {
  if (isBusinessTime(at)) return at;
  let day = startOfTokyoDay(at);
  if (tokyoHour(at) >= OPENS_AT) day = new Date(day.getTime() + DAY);
  while (isWeekend(day)) day = new Date(day.getTime() + DAY);
  return new Date(day.getTime() + OPENS_AT * HOUR);
}

/** A moment `delayMs` of working time after `from`: work starts at the next opening and spills into the next day. */
export function afterWorkingTime(from: Date, delayMs: number): Date {
  let at = nextBusinessTime(from);
  let remaining = delayMs;
  for (;;) {
    const closing = startOfTokyoDay(at).getTime() + CLOSES_AT * HOUR;
    if (at.getTime() + remaining < closing) return new Date(at.getTime() + remaining);
    remaining -= closing - at.getTime();
    at = nextBusinessTime(new Date(closing));
  }
}

export const addMs = (at: Date, ms: number) => new Date(at.getTime() + Math.round(ms));
