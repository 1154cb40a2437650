import { describe, expect, test } from 'vitest';
import {
  addBusinessSeconds,
  businessSeconds,
  type CompiledCalendar,
  compileCalendar,
  normalizeRanges,
  type OpeningRange,
} from './business-hours.ts';

const HOUR = 3600;
const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]): OpeningRange[] =>
  days.map((weekday) => ({ weekday, start, end }));

const tokyo = compileCalendar({ timeZone: 'Asia/Tokyo', ranges: weekdays('09:00', '18:00') });
const tokyoHolidays = compileCalendar({
  timeZone: 'Asia/Tokyo',
  ranges: weekdays('09:00', '18:00'),
  holidays: ['2026-11-03'],
});
const lunch = compileCalendar({
  timeZone: 'Asia/Tokyo',
  ranges: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '18:00')],
});
const newYork = compileCalendar({ timeZone: 'America/New_York', ranges: weekdays('09:00', '18:00') });
const newYorkAlways = compileCalendar({
  timeZone: 'America/New_York',
  ranges: weekdays('00:00', '24:00', [1, 2, 3, 4, 5, 6, 7]),
});
const jst = (local: string) => new Date(`${local}+09:00`);
const between = (calendar: CompiledCalendar, from: string | Date, to: string | Date) =>
  businessSeconds(
    calendar,
    typeof from === 'string' ? new Date(from) : from,
    typeof to === 'string' ? new Date(to) : to,
  );

describe('businessSeconds', () => {
  test('Friday 17:00 → Monday 10:00, Mon–Fri 9–18 Tokyo: 1 h Friday + 1 h Monday', () => {
    // 2026-11-06 is a Friday: 17:00–18:00 = 3600; Monday 2026-11-09 09:00–10:00 = 3600.
    expect(businessSeconds(tokyo, jst('2026-11-06T17:00:00'), jst('2026-11-09T10:00:00'))).toBe(7200);
  });

  test('0 when the end is not after the start', () => {
    expect(businessSeconds(tokyo, jst('2026-11-09T10:00:00'), jst('2026-11-09T10:00:00'))).toBe(0);
    expect(businessSeconds(tokyo, jst('2026-11-09T11:00:00'), jst('2026-11-09T10:00:00'))).toBe(0);
  });

  test('a lunch break (9–12, 13–18) is not counted', () => {
    // Monday 11:00–12:00 = 3600, lunch 12–13 = 0, 13:00–14:30 = 5400 → 9000.
    expect(businessSeconds(lunch, jst('2026-11-09T11:00:00'), jst('2026-11-09T14:30:00'))).toBe(9000);
    // A whole week: 5 days × (3 h + 5 h) = 40 h.
    expect(businessSeconds(lunch, jst('2026-11-09T00:00:00'), jst('2026-11-16T00:00:00'))).toBe(40 * HOUR);
  });

  test('a holiday (2026-11-03 文化の日, a Tuesday) is closed all day', () => {
    // Monday 17–18 = 3600, Tuesday 0, Wednesday 9–10 = 3600.
    expect(businessSeconds(tokyoHolidays, jst('2026-11-02T17:00:00'), jst('2026-11-04T10:00:00'))).toBe(7200);
    // Without the holiday Tuesday adds its 9 h: 7200 + 32400.
    expect(businessSeconds(tokyo, jst('2026-11-02T17:00:00'), jst('2026-11-04T10:00:00'))).toBe(39_600);
    // Starting and ending inside the holiday.
    expect(businessSeconds(tokyoHolidays, jst('2026-11-03T10:00:00'), jst('2026-11-03T15:00:00'))).toBe(0);
  });

  test('start and end both outside opening hours', () => {
    // Saturday 12:00 → Tuesday 07:00: only Monday's 9 h.
    expect(businessSeconds(tokyo, jst('2026-11-07T12:00:00'), jst('2026-11-10T07:00:00'))).toBe(9 * HOUR);
    // Monday 06:00 → Monday 20:00: the whole day, 9 h.
    expect(businessSeconds(tokyo, jst('2026-11-09T06:00:00'), jst('2026-11-09T20:00:00'))).toBe(9 * HOUR);
    // Monday 19:00 → Tuesday 08:00: nothing.
    expect(businessSeconds(tokyo, jst('2026-11-09T19:00:00'), jst('2026-11-10T08:00:00'))).toBe(0);
  });

  test('exact to the second', () => {
    // 09:00:00 → 09:00:17 = 17 s.
    expect(businessSeconds(tokyo, jst('2026-11-09T08:59:00'), jst('2026-11-09T09:00:17'))).toBe(17);
  });

  test('DST days in America/New_York count elapsed time', () => {
    // 2026-03-08: clocks go 02:00 EST → 03:00 EDT, the day lasts 23 h.
    expect(between(newYorkAlways, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(23 * HOUR);
    // 2026-11-01: clocks go 02:00 EDT → 01:00 EST, the day lasts 25 h.
    expect(between(newYorkAlways, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00')).toBe(25 * HOUR);
    // Inside the repeated hour: 01:30 EDT → 01:30 EST is one real hour.
    expect(between(newYorkAlways, '2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00')).toBe(HOUR);
    // Sunday 01:00–04:00 on the spring day is 2 real hours (02:00–03:00 never happens).
    const sundayNight = compileCalendar({
      timeZone: 'America/New_York',
      ranges: [{ weekday: 7, start: '01:00', end: '04:00' }],
    });
    expect(between(sundayNight, '2026-03-07T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(2 * HOUR);
    // …and 4 real hours on the autumn day (01:00–02:00 happens twice).
    expect(between(sundayNight, '2026-10-31T00:00:00-04:00', '2026-11-02T00:00:00-05:00')).toBe(4 * HOUR);
    // Friday 17:00 EDT → Monday 10:00 EST across the autumn change: 1 h + 1 h.
    expect(between(newYork, '2026-10-30T17:00:00-04:00', '2026-11-02T10:00:00-05:00')).toBe(7200);
  });

  test('long spans: two years of Mon–Fri 9–18 with holidays, fast', () => {
    // 2025-01-06 (Mon) → 2027-01-04 (Mon) is 104 weeks: 104 × 45 h, less one open Tuesday holiday (9 h).
    const from = jst('2025-01-06T00:00:00');
    const to = jst('2027-01-04T00:00:00');
    expect(businessSeconds(tokyoHolidays, from, to)).toBe((104 * 45 - 9) * HOUR);
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) businessSeconds(tokyoHolidays, from, new Date(to.getTime() + i * 1000));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('overlapping and adjacent ranges merge', () => {
    expect(
      normalizeRanges([
        { weekday: 1, start: '13:00', end: '18:00' },
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
        { weekday: 2, start: '20:00', end: '24:00' },
      ]),
    ).toEqual([
      { weekday: 1, start: '09:00', end: '18:00' },
      { weekday: 2, start: '20:00', end: '24:00' },
    ]);
    const overlapping = {
      timeZone: 'Asia/Tokyo',
      ranges: [...weekdays('09:00', '15:00'), ...weekdays('12:00', '18:00')],
      holidays: new Set<string>(),
    };
    expect(businessSeconds(overlapping, jst('2026-11-09T00:00:00'), jst('2026-11-10T00:00:00'))).toBe(9 * HOUR);
  });

  test('matches a minute-by-minute count across DST changes (random spans)', () => {
    const localParts = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      weekday: 'short',
      hour: 'numeric',
    });
    const open = (at: number) => {
      const parts = Object.fromEntries(localParts.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
      return !['Sat', 'Sun'].includes(parts.weekday ?? '') && Number(parts.hour) >= 9 && Number(parts.hour) < 18;
    };
    let seed = 7;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let sample = 0; sample < 12; sample += 1) {
      // Minute-aligned spans of up to 10 days around the 2026 spring and autumn changes.
      const base = Date.parse(sample % 2 ? '2026-10-25T00:00:00Z' : '2026-03-02T00:00:00Z');
      const from = base + Math.floor(random() * 10 * 1440) * 60_000;
      const to = from + Math.floor(random() * 10 * 1440) * 60_000;
      let expected = 0;
      for (let at = from; at < to; at += 60_000) if (open(at)) expected += 60;
      expect(businessSeconds(newYork, new Date(from), new Date(to))).toBe(expected);
    }
  });
});

describe('addBusinessSeconds', () => {
  test('hand-computed deadlines', () => {
    // Friday 17:00 + 2 h = Monday 10:00 (1 h Friday, 1 h Monday).
    expect(addBusinessSeconds(tokyo, jst('2026-11-06T17:00:00'), 7200)).toEqual(jst('2026-11-09T10:00:00'));
    // Exactly the rest of Friday ends at Friday's close, not Monday's opening.
    expect(addBusinessSeconds(tokyo, jst('2026-11-06T17:00:00'), 3600)).toEqual(jst('2026-11-06T18:00:00'));
    // Monday 17:00 + 2 h skips the Tuesday holiday: Wednesday 10:00.
    expect(addBusinessSeconds(tokyoHolidays, jst('2026-11-02T17:00:00'), 7200)).toEqual(jst('2026-11-04T10:00:00'));
    // Saturday + 1 s = Monday 09:00:01.
    expect(addBusinessSeconds(tokyo, jst('2026-11-07T12:00:00'), 1)).toEqual(jst('2026-11-09T09:00:01'));
    // Across the spring change: Sunday 00:00 EST + 3 h of an always-open calendar = 04:00 EDT.
    expect(addBusinessSeconds(newYorkAlways, new Date('2026-03-08T00:00:00-05:00'), 3 * HOUR)).toEqual(
      new Date('2026-03-08T04:00:00-04:00'),
    );
    expect(addBusinessSeconds(tokyo, jst('2026-11-06T17:00:00'), 0)).toEqual(jst('2026-11-06T17:00:00'));
  });

  test('is the inverse of businessSeconds on random samples', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const goldenWeekAndNewYear = compileCalendar({
      timeZone: 'Asia/Tokyo',
      ranges: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '18:00')],
      holidays: [
        '2025-12-29',
        '2025-12-30',
        '2025-12-31',
        '2026-01-01',
        '2026-01-02',
        '2026-04-29',
        '2026-05-04',
        '2026-05-05',
        '2026-05-06',
      ],
    });
    for (const calendar of [tokyoHolidays, lunch, newYork, goldenWeekAndNewYear]) {
      for (let sample = 0; sample < 300; sample += 1) {
        const from = new Date(Date.parse('2025-01-01T00:00:00Z') + Math.floor(random() * 730 * 86_400) * 1000);
        const seconds = 1 + Math.floor(random() * 200 * HOUR);
        const deadline = addBusinessSeconds(calendar, from, seconds);
        expect(businessSeconds(calendar, from, deadline)).toBe(seconds);
        // Earliest: one second earlier is not enough.
        expect(businessSeconds(calendar, from, new Date(deadline.getTime() - 1000))).toBe(seconds - 1);
      }
    }
  });

  test('a calendar that is never open has no deadline', () => {
    const closed = compileCalendar({ timeZone: 'Asia/Tokyo', ranges: [] });
    expect(() => addBusinessSeconds(closed, new Date(), 60)).toThrow(RangeError);
    expect(businessSeconds(closed, jst('2026-11-06T17:00:00'), jst('2026-11-09T10:00:00'))).toBe(0);
  });
});
