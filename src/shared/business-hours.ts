import { nextBoundary, offsetAt, transitionsBetween } from './time-zone-offsets.ts';

/**
 * Business-hours arithmetic, exact to the second, for the server (durations, SLA deadlines)
 * and the web app. Pure: no database, no clock.
 *
 * How: a calendar's open time is a cumulative function F of local wall time (whole weeks ×
 * the weekly total + the part of the week + the part of the day − closed holidays), so a
 * span costs a few lookups whatever its length. Wall time differs from elapsed time only
 * at the zone's offset transitions (DST), which are corrected one by one: the wall hour
 * skipped in spring is not counted, the hour repeated in autumn is counted twice.
 */

/** One opening range: ISO weekday 1 (Monday) … 7 (Sunday), local "HH:MM", end exclusive ("24:00" allowed). */
export interface OpeningRange {
  weekday: number;
  start: string;
  end: string;
}

export interface CompiledCalendar {
  timeZone: string;
  ranges: OpeningRange[];
  /** Local dates closed all day, 'YYYY-MM-DD'. Treat as immutable once used. */
  holidays: Set<string>;
}

const DAY = 86_400;
/** 1970-01-05, the first Monday after the epoch, as a day number. */
const FIRST_MONDAY = 4;

interface Derived {
  /** Merged [start, end) seconds of the day, per weekday index 0 (Monday) … 6 (Sunday). */
  days: [number, number][][];
  dayTotal: number[];
  /** Open seconds of the week before weekday index i. */
  weekPrefix: number[];
  weekTotal: number;
  /** Holiday day numbers (days since the epoch), sorted, and the open seconds they close before each. */
  holidayDays: number[];
  holidayPrefix: number[];
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** "HH:MM" → seconds after midnight; null when malformed. */
export function parseClock(value: string): number | null {
  const match = CLOCK.exec(value);
  if (!match) return null;
  if (value === '24:00') return DAY;
  return Number(match[1]) * 3600 + Number(match[2]) * 60;
}

export function formatClock(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Ranges sorted by weekday and start, overlapping and adjacent ranges of a day merged. */
export function normalizeRanges(ranges: readonly OpeningRange[]): OpeningRange[] {
  const days = mergeByWeekday(ranges);
  return days.flatMap((day, index) =>
    day.map(([start, end]) => ({ weekday: index + 1, start: formatClock(start), end: formatClock(end) })),
  );
}

function mergeByWeekday(ranges: readonly OpeningRange[]): [number, number][][] {
  const days: [number, number][][] = Array.from({ length: 7 }, () => []);
  for (const range of ranges) {
    const start = parseClock(range.start);
    const end = parseClock(range.end);
    const day = days[range.weekday - 1];
    if (start === null || end === null || end <= start || !day) continue;
    day.push([start, end]);
  }
  return days.map((day) => {
    day.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [start, end] of day) {
      const last = merged.at(-1);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return merged;
  });
}

/** 'YYYY-MM-DD' → days since the epoch. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / (DAY * 1000);
}

export function compileCalendar(input: {
  timeZone: string;
  ranges: readonly OpeningRange[];
  holidays?: Iterable<string>;
}): CompiledCalendar {
  return { timeZone: input.timeZone, ranges: normalizeRanges(input.ranges), holidays: new Set(input.holidays ?? []) };
}

const derivedCache = new WeakMap<CompiledCalendar, Derived>();

function derive(calendar: CompiledCalendar): Derived {
  const cached = derivedCache.get(calendar);
  if (cached) return cached;
  const days = mergeByWeekday(calendar.ranges);
  const dayTotal = days.map((day) => day.reduce((sum, [start, end]) => sum + end - start, 0));
  const weekPrefix = [0];
  for (const total of dayTotal) weekPrefix.push((weekPrefix.at(-1) ?? 0) + total);
  const holidayDays = [...calendar.holidays].map(dayNumber).sort((a, b) => a - b);
  const holidayPrefix = [0];
  for (const day of holidayDays) holidayPrefix.push((holidayPrefix.at(-1) ?? 0) + (dayTotal[weekdayIndex(day)] ?? 0));
  const derived = { days, dayTotal, weekPrefix, weekTotal: weekPrefix[7] ?? 0, holidayDays, holidayPrefix };
  derivedCache.set(calendar, derived);
  return derived;
}

/** 0 = Monday … 6 = Sunday. */
const weekdayIndex = (day: number) => (((day - FIRST_MONDAY) % 7) + 7) % 7;

function dayPrefix(derived: Derived, index: number, second: number): number {
  let sum = 0;
  for (const [start, end] of derived.days[index] ?? []) {
    if (second <= start) break;
    sum += Math.min(second, end) - start;
  }
  return sum;
}

/** Number of sorted values below `value`. */
function lowerBound(values: number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Open seconds from the epoch's first Monday to wall time `wall`, holidays ignored. */
function openBefore(derived: Derived, wall: number): number {
  const day = Math.floor(wall / DAY);
  const weeks = Math.floor((day - FIRST_MONDAY) / 7);
  const index = day - FIRST_MONDAY - weeks * 7;
  return weeks * derived.weekTotal + (derived.weekPrefix[index] ?? 0) + dayPrefix(derived, index, wall - day * DAY);
}

/** Open seconds that holidays close before wall time `wall`. */
function closedBefore(derived: Derived, wall: number): number {
  const day = Math.floor(wall / DAY);
  const position = lowerBound(derived.holidayDays, day);
  let closed = derived.holidayPrefix[position] ?? 0;
  if (derived.holidayDays[position] === day) closed += dayPrefix(derived, weekdayIndex(day), wall - day * DAY);
  return closed;
}

const cumulative = (derived: Derived, wall: number) => openBefore(derived, wall) - closedBefore(derived, wall);

/** The earliest wall time with openBefore ≥ target (weekTotal > 0). */
function openInverse(derived: Derived, target: number): number {
  let weeks = Math.floor(target / derived.weekTotal);
  let rest = target - weeks * derived.weekTotal;
  if (rest <= 0) {
    weeks -= 1;
    rest += derived.weekTotal;
  }
  const weekStart = (FIRST_MONDAY + weeks * 7) * DAY;
  let before = 0;
  let last = weekStart;
  for (let index = 0; index < 7; index += 1) {
    for (const [start, end] of derived.days[index] ?? []) {
      if (before + end - start >= rest) return weekStart + index * DAY + start + (rest - before);
      before += end - start;
      last = weekStart + index * DAY + end;
    }
  }
  return last;
}

/** The earliest wall time with cumulative ≥ target: skip forward by what holidays closed. */
function cumulativeInverse(derived: Derived, target: number): number {
  let wall = openInverse(derived, target);
  for (let step = 0; step <= derived.holidayDays.length; step += 1) {
    if (cumulative(derived, wall) >= target - 1e-6) return wall;
    // Short of the target: skip whole holidays up to and including the day reached.
    const day = Math.floor(wall / DAY);
    const closedThrough = derived.holidayPrefix[lowerBound(derived.holidayDays, day + 1)] ?? 0;
    wall = openInverse(derived, target + closedThrough);
  }
  return wall;
}

/** Business seconds between two instants (0 when `to` ≤ `from`), rounded to the second. */
export function businessSeconds(calendar: CompiledCalendar, from: Date, to: Date): number {
  const start = from.getTime() / 1000;
  const end = to.getTime() / 1000;
  if (!(end > start)) return 0;
  const derived = derive(calendar);
  if (derived.weekTotal === 0) return 0;
  const zone = calendar.timeZone;
  let total = cumulative(derived, end + offsetAt(zone, end)) - cumulative(derived, start + offsetAt(zone, start));
  for (const transition of transitionsBetween(zone, start, end)) {
    total -=
      cumulative(derived, transition.at + transition.after) - cumulative(derived, transition.at + transition.before);
  }
  return Math.max(0, Math.round(total));
}

/**
 * The earliest instant at which `seconds` business seconds have passed since `from`
 * (an SLA deadline). Throws when the calendar is never open.
 */
export function addBusinessSeconds(calendar: CompiledCalendar, from: Date, seconds: number): Date {
  if (seconds <= 0) return new Date(from.getTime());
  const derived = derive(calendar);
  if (derived.weekTotal === 0) throw new RangeError('The calendar has no opening hours');
  const zone = calendar.timeZone;
  let remaining = seconds;
  let at = from.getTime() / 1000;
  // Each step is a stretch of constant offset: at most a few per year.
  for (;;) {
    const offset = offsetAt(zone, at);
    const boundary = nextBoundary(zone, at);
    const startValue = cumulative(derived, at + offset);
    const available = cumulative(derived, boundary + offset) - startValue;
    if (available >= remaining) {
      const wall = cumulativeInverse(derived, startValue + remaining);
      return new Date(Math.round((wall - offset) * 1000));
    }
    remaining -= available;
    at = boundary;
  }
}

/** Business seconds of a span, or its calendar seconds when no calendar applies. */
export function durationSeconds(calendar: CompiledCalendar | null, from: Date, to: Date): number {
  if (!calendar) return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  return businessSeconds(calendar, from, to);
}
