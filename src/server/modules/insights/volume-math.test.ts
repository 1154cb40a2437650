import { describe, expect, test } from 'vitest';
import { addDays } from './dates.ts';
import { findSpikes, forecastVolume, type HourCount, trendFactor } from './volume-math.ts';

/** `created` conversations in the local hour `hour` of `day`; `at` is only carried through. */
const count = (day: string, hour: number, created: number): HourCount => {
  const key = `${day}T${String(hour).padStart(2, '0')}`;
  return { hour: key, at: `${key}:00:00.000Z`, created };
};

/** The same hour on each of the `weeks` weeks before `day`, with the values given (oldest last). */
const weeksBefore = (day: string, hour: number, values: number[]) =>
  values.map((created, i) => count(addDays(day, -7 * (i + 1)), hour, created));

describe('volume analysis arithmetic', () => {
  test('spikes: far above the usual level of the same weekday and hour over 8 weeks', () => {
    const monday = '2026-04-13';
    const tuesday = '2026-04-14';
    const wednesday = '2026-04-15';
    const counts = [
      // Mondays 10:00 usually 2 (sd 0 → 1): 9 gives z = (9 − 2) / 1 = 7.
      ...weeksBefore(monday, 10, [2, 2, 2, 2, 2, 2, 2, 2]),
      count(monday, 10, 9),
      // Tuesdays 14:00 usually 6: 6 again is no spike (z = 0) though ≥ 5.
      ...weeksBefore(tuesday, 14, [6, 6, 6, 6, 6, 6, 6, 6]),
      count(tuesday, 14, 6),
      // Wednesdays 09:00 alternate 1 and 3: mean 2, sample sd √(8 × 1 / 7) = 1.069045.
      // 6 → z = 4 / 1.069045 = 3.741657 (flagged); the 5 on Thursday's twin below would give 2.806.
      ...weeksBefore(wednesday, 9, [1, 3, 1, 3, 1, 3, 1, 3]),
      count(wednesday, 9, 6),
      ...weeksBefore('2026-04-16', 9, [1, 3, 1, 3, 1, 3, 1, 3]),
      count('2026-04-16', 9, 5),
      // 4 in a usually empty hour: z = 4, but fewer than 5 created.
      count(wednesday, 3, 4),
      // Outside the period: never flagged.
      count('2026-04-20', 10, 50),
    ];
    const spikes = findSpikes(counts, '2026-04-13', '2026-04-19');
    expect(spikes.map((s) => [s.at.slice(0, 13), s.weekday, s.hour, s.created])).toEqual([
      ['2026-04-15T09', 3, 9, 6],
      ['2026-04-13T10', 1, 10, 9],
    ]);
    expect(spikes[0]?.expected).toBe(2);
    expect(spikes[0]?.z).toBeCloseTo(3.741657, 5);
    expect(spikes[1]).toMatchObject({ expected: 2, z: 7 });
  });

  test('trend factor: last 4 weeks ÷ the 4 before, clamped to 0.5–2', () => {
    const anchor = '2026-04-30';
    // 50 in the last 28 days (04-03…04-30), 40 in the 28 before (03-06…04-02) → 1.25.
    expect(trendFactor([count('2026-04-03', 9, 50), count('2026-04-02', 9, 40)], anchor)).toBe(1.25);
    expect(trendFactor([count('2026-04-30', 9, 10), count('2026-03-06', 9, 40)], anchor)).toBe(0.5);
    // Older than 56 days counts in neither; nothing before → 1.
    expect(trendFactor([count('2026-04-30', 9, 10), count('2026-03-05', 9, 40)], anchor)).toBe(1);
  });

  test('forecast: mean of the same weekday and hour over 4 weeks × trend, Poisson interval per day', () => {
    const anchor = '2026-04-30';
    const counts: HourCount[] = [];
    // Last 4 weeks (04-03…04-30): 2 every day at 09:00 (56) and 1 on Mondays at 14:00 (4) → 60.
    // The 4 weeks before (03-06…04-02): 1 every day at 09:00 → 28. 60 / 28 = 2.142857 → clamped to 2.
    for (let i = 0; i < 28; i++) {
      const day = addDays(anchor, -i);
      counts.push(count(day, 9, 2));
      if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) counts.push(count(day, 14, 1));
      counts.push(count(addDays(anchor, -28 - i), 9, 1));
    }
    const forecast = forecastVolume(counts, anchor);
    expect(forecast.from).toBe('2026-05-01');
    expect(forecast.to).toBe('2026-05-07');
    expect(forecast.hours).toHaveLength(7 * 24);
    // 09:00 every day: mean 2 × 2 = 4; Monday 05-04 14:00: mean 1 × 2 = 2; every other hour 0.
    expect(forecast.hours.find((h) => h.day === '2026-05-01' && h.hour === 9)?.expected).toBe(4);
    expect(forecast.hours.find((h) => h.day === '2026-05-04' && h.hour === 14)?.expected).toBe(2);
    expect(forecast.hours.find((h) => h.day === '2026-05-05' && h.hour === 14)?.expected).toBe(0);
    const friday = forecast.days[0];
    // 4 ± 1.96 × √4 = 4 ± 3.92.
    expect(friday).toMatchObject({ day: '2026-05-01', expected: 4 });
    expect(friday?.low).toBeCloseTo(0.08, 10);
    expect(friday?.high).toBeCloseTo(7.92, 10);
    // Monday: 6 ± 1.96 × √6 = 6 ± 4.800999.
    const monday = forecast.days.find((d) => d.day === '2026-05-04');
    expect(monday?.expected).toBe(6);
    expect(monday?.low).toBeCloseTo(1.199001, 5);
    expect(monday?.high).toBeCloseTo(10.800999, 5);
    // A day with nothing expected has the interval [0, 0].
    expect(forecastVolume([], anchor).days[0]).toEqual({ day: '2026-05-01', expected: 0, low: 0, high: 0 });
  });
});
