import { describe, expect, it } from 'vitest';
import { summarizeOpeningHours } from './openingHours.ts';

const days = (weekdays: number[], start: string, end: string) => weekdays.map((weekday) => ({ weekday, start, end }));

describe('summarizeOpeningHours', () => {
  it('groups weekdays with the same hours into runs', () => {
    const weekdays = days([1, 2, 3, 4, 5], '09:00', '18:00');
    expect(summarizeOpeningHours(weekdays, 'ja')).toBe('月–金 9:00–18:00');
    expect(summarizeOpeningHours(weekdays, 'en')).toBe('Mon–Fri 9:00–18:00');
  });

  it('lists a lunch break, other hours on Saturday, and days apart', () => {
    const ranges = [
      ...days([1, 2, 3, 4, 5], '13:00', '18:00'),
      ...days([1, 2, 3, 4, 5], '09:00', '12:00'),
      ...days([6], '10:00', '15:00'),
    ];
    expect(summarizeOpeningHours(ranges, 'ja')).toBe('月–金 9:00–12:00, 13:00–18:00 · 土 10:00–15:00');
    expect(summarizeOpeningHours(days([1, 3, 4], '10:00', '24:00'), 'en')).toBe('Mon, Wed, Thu 10:00–24:00');
    expect(summarizeOpeningHours(days([1, 2, 4, 5, 6], '08:30', '17:00'), 'ja')).toBe('月・火・木–土 8:30–17:00');
    expect(summarizeOpeningHours([], 'en')).toBe('');
  });
});
