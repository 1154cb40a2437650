import { describe, expect, test } from 'vitest';
import { isNegativeScore, judgeOutcome, scorePosition } from './rules.ts';

describe('recovery rules', () => {
  test('negative answers per the default thresholds', () => {
    expect([1, 2, 3, 4, 5].map((s) => isNegativeScore('csat', s))).toEqual([true, true, false, false, false]);
    expect([0, 6, 7, 10].map((s) => isNegativeScore('nps', s))).toEqual([true, true, false, false]);
    expect([1, 3, 4, 7].map((s) => isNegativeScore('ces7', s))).toEqual([true, true, false, false]);
    // Effort 1–5: lower is easier, so 4 and 5 are the poor ones.
    expect([1, 3, 4, 5].map((s) => isNegativeScore('ces5', s))).toEqual([false, false, true, true]);
    expect(isNegativeScore('rating', 1)).toBe(false);
    expect(isNegativeScore('csat', null)).toBe(false);
    expect(isNegativeScore('csat', 3, { csatMax: 3, npsMax: 6, ces7Max: 3, ces5Min: 4 })).toBe(true);
  });

  test('positions compare scales; effort is reversed', () => {
    expect(scorePosition('csat', 1)).toBe(0);
    expect(scorePosition('csat', 5)).toBe(1);
    expect(scorePosition('nps', 5)).toBe(0.5);
    expect(scorePosition('ces5', 1)).toBe(1);
    expect(scorePosition('ces7', 4)).toBe(0.5);
  });

  test('outcome: out of the negative band and better than the original', () => {
    const nps3 = { kind: 'nps', score: 3 };
    expect(judgeOutcome(nps3, { kind: 'nps', score: 8 })).toBe('recovered');
    expect(judgeOutcome(nps3, { kind: 'nps', score: 5 })).toBe('not_recovered');
    // CSAT 3 is out of the band (> 2) and 0.5 > 0.3 on the scale.
    expect(judgeOutcome(nps3, { kind: 'csat', score: 3 })).toBe('recovered');
    // Out of the band but not better: CSAT 3 (0.5) after NPS 6 (0.6).
    expect(
      judgeOutcome(
        { kind: 'nps', score: 6 },
        { kind: 'csat', score: 3 },
        { csatMax: 2, npsMax: 6, ces7Max: 3, ces5Min: 4 },
      ),
    ).toBe('not_recovered');
    expect(judgeOutcome({ kind: null, score: null }, { kind: 'csat', score: 4 })).toBe('recovered');
    expect(judgeOutcome({ kind: null, score: null }, { kind: 'csat', score: 2 })).toBe('not_recovered');
    expect(judgeOutcome(nps3, { kind: 'nps', score: null })).toBeNull();
    expect(judgeOutcome(nps3, { kind: 'rating', score: 9 })).toBeNull();
  });
});
