import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../shared/business-hours.ts';
import { deadline, runClock, secondsLeft, warnLead } from './clock.ts';

// Mon–Fri 09:00–18:00 Asia/Tokyo, 2025-11-24 (a substitute holiday) closed.
const tokyo = compileCalendar({
  timeZone: 'Asia/Tokyo',
  ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
  holidays: ['2025-11-24'],
});
const at = (wall: string) => new Date(`${wall}+09:00`);

describe('SLA clock arithmetic', () => {
  test('deadlines in business time, or calendar time without a calendar', () => {
    // Friday 17:00 + 3 h: 1 h on Friday, Monday is a holiday, 2 h on Tuesday → 11:00.
    expect(deadline(tokyo, at('2025-11-21T17:00:00'), 3 * 3600)).toEqual(at('2025-11-25T11:00:00'));
    expect(deadline(null, at('2025-11-21T17:00:00'), 3 * 3600)).toEqual(at('2025-11-21T20:00:00'));
    expect(secondsLeft(tokyo, at('2025-11-21T17:00:00'), at('2025-11-25T11:00:00'))).toBe(3 * 3600);
  });

  test('the warning: at warnAtPercent of the target, at once when less is left', () => {
    expect(warnLead(3600, 80)).toBe(720);
    // 1 h from Wednesday 17:30 with 80 %: warning after 48 min = 17:30–18:00 + 18 min Thursday.
    expect(runClock(tokyo, at('2025-11-19T17:30:00'), 3600, 3600, 80)).toEqual({
      dueAt: at('2025-11-20T09:30:00'),
      warnAt: at('2025-11-20T09:18:00'),
    });
    // Resumed with 10 min left of a 1 h target: past the warning already.
    expect(runClock(null, at('2025-11-19T10:00:00'), 600, 3600, 80)).toEqual({
      dueAt: at('2025-11-19T10:10:00'),
      warnAt: at('2025-11-19T10:00:00'),
    });
  });
});
