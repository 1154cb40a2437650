/**
 * UTC offsets of an IANA time zone, read from Intl once per zone and year and kept as a
 * table of transitions, so converting an instant costs a lookup, not an Intl call.
 * Times are in seconds since the epoch (fractions allowed); offsets in seconds east of UTC.
 */

export interface OffsetTransition {
  /** The instant the new offset starts. */
  at: number;
  before: number;
  after: number;
}

interface YearTable {
  startOffset: number;
  transitions: OffsetTransition[];
}

const DAY = 86_400;
const formatters = new Map<string, Intl.DateTimeFormat>();
const tables = new Map<string, Map<number, YearTable>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's offset at a whole second, straight from Intl. */
function intlOffset(timeZone: string, second: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(second * 1000))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return local / 1000 + Number(parts.second) - second;
}

function buildYear(timeZone: string, year: number): YearTable {
  const start = Date.UTC(year, 0, 1) / 1000;
  const end = Date.UTC(year + 1, 0, 1) / 1000;
  const startOffset = intlOffset(timeZone, start);
  const transitions: OffsetTransition[] = [];
  let previous = startOffset;
  let previousAt = start;
  // Daily samples: zones never change their offset twice within a day.
  for (let at = start + DAY; at <= end; at += DAY) {
    const offset = intlOffset(timeZone, at);
    if (offset !== previous) {
      let low = previousAt;
      let high = at;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (intlOffset(timeZone, middle) === previous) low = middle;
        else high = middle;
      }
      if (high < end) transitions.push({ at: high, before: previous, after: offset });
      previous = offset;
    }
    previousAt = at;
  }
  return { startOffset, transitions };
}

function yearTable(timeZone: string, year: number): YearTable {
  let zone = tables.get(timeZone);
  if (!zone) {
    zone = new Map();
    tables.set(timeZone, zone);
  }
  let table = zone.get(year);
  if (!table) {
    table = buildYear(timeZone, year);
    zone.set(year, table);
  }
  return table;
}

const utcYear = (second: number) => new Date(Math.floor(second) * 1000).getUTCFullYear();

/** The offset in force at an instant. */
export function offsetAt(timeZone: string, second: number): number {
  const table = yearTable(timeZone, utcYear(second));
  let offset = table.startOffset;
  for (const transition of table.transitions) {
    if (transition.at > second) break;
    offset = transition.after;
  }
  return offset;
}

/** Transitions with from < at ≤ to, in order. */
export function transitionsBetween(timeZone: string, from: number, to: number): OffsetTransition[] {
  const found: OffsetTransition[] = [];
  for (let year = utcYear(from); year <= utcYear(to); year += 1) {
    for (const transition of yearTable(timeZone, year).transitions) {
      if (transition.at > from && transition.at <= to) found.push(transition);
    }
  }
  return found;
}

/** The first transition after an instant within the same UTC year, else the start of the next year. */
export function nextBoundary(timeZone: string, second: number): number {
  const year = utcYear(second);
  for (const transition of yearTable(timeZone, year).transitions) {
    if (transition.at > second) return transition.at;
  }
  return Date.UTC(year + 1, 0, 1) / 1000;
}
