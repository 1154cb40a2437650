import { describe, expect, test } from 'vitest';
import { goalStatus, leastSquaresAt, lowerIsBetterMetric, projectGoal } from './goals.ts';

describe('goal arithmetic', () => {
  test('direction: durations, CES effort and reopen are better lower', () => {
    for (const metric of [
      'first_response.median_seconds',
      'resolution.p90_seconds',
      'reply.median_seconds',
      'ces5.average',
      'reopen.percent',
    ]) {
      expect(lowerIsBetterMetric(metric), metric).toBe(true);
    }
    for (const metric of ['csat.percent', 'nps.score', 'ces7.average', 'fcr.percent', 'volume.created']) {
      expect(lowerIsBetterMetric(metric), metric).toBe(false);
    }
  });

  test('volumes scale linearly with the share of the period elapsed', () => {
    // 12 created in the first 10 of 30 days → 12 × 30 / 10 = 36.
    expect(
      projectGoal({
        metric: 'volume.created',
        startsOn: '2026-04-01',
        endsOn: '2026-04-30',
        through: '2026-04-10',
        current: 12,
        weeks: [],
      }),
    ).toBe(36);
  });

  test('other figures follow the least-squares trend of their weekly values to the week of endsOn', () => {
    // Weeks from Monday 04-06 (x = 0), 04-13 (7), 04-20 (14): 70, 74, 75. Mean x 7, mean y 73;
    // Sxx = 49 + 0 + 49 = 98, Sxy = (−7)(−3) + 0 + 7 × 2 = 35, slope = 35 / 98.
    // endsOn 05-05 is a Tuesday; its Monday 05-04 is x = 28 → 73 + 21 × 35 / 98 = 80.5.
    const weeks = [
      { week: '2026-04-06', value: 70 },
      { week: '2026-04-13', value: 74 },
      { week: '2026-04-20', value: 75 },
    ];
    const base = { startsOn: '2026-04-06', endsOn: '2026-05-05', through: '2026-04-24', current: 73 } as const;
    expect(projectGoal({ ...base, metric: 'csat.percent', weeks })).toBeCloseTo(80.5, 10);
    // A week before the period start counts at a negative x: Monday 03-30 is x = −2 from Wednesday 04-01;
    // 3600 s then 4300 s at x = 5 → 100 s a day; endsOn 04-30 (Thursday) → Monday 04-27, x = 26 → 4300 + 21 × 100.
    expect(
      projectGoal({
        metric: 'first_response.median_seconds',
        startsOn: '2026-04-01',
        endsOn: '2026-04-30',
        through: '2026-04-10',
        current: 4000,
        weeks: [
          { week: '2026-03-30', value: 3600 },
          { week: '2026-04-06', value: 4300 },
        ],
      }),
    ).toBeCloseTo(6400, 8);
    // The same rise on CSAT (60 → 80) would pass 100 %: clamped to 100.
    expect(
      projectGoal({
        metric: 'csat.percent',
        startsOn: '2026-04-01',
        endsOn: '2026-04-30',
        through: '2026-04-10',
        current: 70,
        weeks: [
          { week: '2026-03-30', value: 60 },
          { week: '2026-04-06', value: 80 },
        ],
      }),
    ).toBe(100);
    // One week only: the current value stands.
    expect(projectGoal({ ...base, metric: 'csat.percent', weeks: weeks.slice(0, 1) })).toBe(73);
    expect(leastSquaresAt([{ x: 1, y: 5 }], 3)).toBeNull();
  });

  test('status: met, on track, at risk within 5 % of the target, off track, no data', () => {
    const csat = { metric: 'csat.percent' as const, n: 10, current: 70, over: false };
    // Projection 70 against 80: short by 10 > 5 % × 80 = 4.
    expect(goalStatus({ ...csat, target: 80, projection: 70 })).toBe('off_track');
    // Against 72: short by 2 ≤ 3.6.
    expect(goalStatus({ ...csat, target: 72, projection: 70 })).toBe('at_risk');
    expect(goalStatus({ ...csat, target: 70, projection: 70 })).toBe('on_track');
    // A score met mid-period is only on track: it can still fall.
    expect(goalStatus({ ...csat, current: 85, target: 80, projection: 85 })).toBe('on_track');
    expect(goalStatus({ ...csat, target: 70, projection: 70, over: true })).toBe('met');
    expect(goalStatus({ ...csat, target: 72, projection: 70, over: true })).toBe('off_track');
    expect(goalStatus({ ...csat, n: 0, current: null, target: 80, projection: null })).toBe('no_data');
    // Lower is better: 7500 s against 7200 s is 300 over, ≤ 5 % × 7200 = 360; 7600 is not.
    const speed = { metric: 'first_response.median_seconds' as const, n: 4, current: 7000, over: false };
    expect(goalStatus({ ...speed, target: 7200, projection: 7500 })).toBe('at_risk');
    expect(goalStatus({ ...speed, target: 7200, projection: 7600 })).toBe('off_track');
    expect(goalStatus({ ...speed, target: 7200, projection: 7100 })).toBe('on_track');
    expect(goalStatus({ ...speed, target: 7200, projection: 9000, over: true })).toBe('met');
    // A growing count that already reached its target is met before the end.
    const volume = { metric: 'volume.created' as const, over: false };
    expect(goalStatus({ ...volume, n: 30, current: 30, target: 30, projection: 90 })).toBe('met');
    expect(goalStatus({ ...volume, n: 12, current: 12, target: 30, projection: 36 })).toBe('on_track');
    expect(goalStatus({ ...volume, n: 9, current: 9, target: 30, projection: 27 })).toBe('off_track');
  });
});
