import { describe, expect, test } from 'vitest';
import { meanInterval, npsWithInterval, studentTQuantile, wilsonInterval, Z95 } from './intervals.ts';

describe("Student's t quantiles", () => {
  // Two-sided 95 % critical values from any t table.
  test.each([
    [1, 12.7062],
    [2, 4.3027],
    [3, 3.1824],
    [4, 2.7764],
    [6, 2.4469],
    [10, 2.2281],
    [30, 2.0423],
    [120, 1.9799],
  ])('t(0.975, %i) = %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 4);
  });

  test('approaches the normal quantile and is symmetric', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(Z95, 4);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-studentTQuantile(0.975, 5), 10);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });
});

describe('Wilson interval', () => {
  test('3 of 5 (hand-computed)', () => {
    // z² = 3.841459, z²/n = 0.768292, centre = (0.6 + 0.384146) / 1.768292 = 0.556552,
    // half = 1.959964 × √(0.24/5 + 3.841459/100) / 1.768292 = 0.325830 → [0.230722, 0.882382].
    const [low, high] = wilsonInterval(3, 5) ?? [Number.NaN, Number.NaN];
    expect(low).toBeCloseTo(0.230722, 5);
    expect(high).toBeCloseTo(0.882382, 5);
  });

  test('stays inside 0…1 at the edges, null without answers', () => {
    const [low, high] = wilsonInterval(0, 4) ?? [Number.NaN, Number.NaN];
    expect(low).toBe(0);
    expect(high).toBeCloseTo(3.841459 / (4 + 3.841459), 5);
    expect(wilsonInterval(4, 4)?.[1]).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('mean t-interval', () => {
  test('5, 4, 4, 3, 1 (hand-computed)', () => {
    // mean 3.4, Σ(x − x̄)² = 9.2, s² = 2.3, s/√n = 0.678233, t(0.975, 4) = 2.776445,
    // half = 1.883076 → [1.516924, 5.283076]; clamped to the 1–5 scale → [1.516924, 5].
    const values = [5, 4, 4, 3, 1];
    const sum = values.reduce((a, b) => a + b, 0);
    const squares = values.reduce((a, b) => a + b * b, 0);
    const [low, high] = meanInterval(5, sum, squares) ?? [Number.NaN, Number.NaN];
    expect(low).toBeCloseTo(1.516924, 5);
    expect(high).toBeCloseTo(5.283076, 5);
    expect(meanInterval(5, sum, squares, { min: 1, max: 5 })?.[1]).toBe(5);
    expect(meanInterval(1, 4, 16)).toBeNull();
  });

  test('no spread: the interval is the mean itself', () => {
    expect(meanInterval(3, 12, 48)).toEqual([4, 4]);
  });
});

describe('NPS interval', () => {
  test('10, 9, 9, 8, 7, 6, 0 (hand-computed)', () => {
    // p⁺ = 3/7, p⁻ = 2/7, NPS = 100 × 1/7 = 14.2857;
    // SE = √(5/7 − (1/7)²) / √7 = √0.693878 / 2.645751 = 0.314842;
    // 1.959964 × 0.314842 × 100 = 61.708 → [−47.422, 75.994].
    const result = npsWithInterval(3, 2, 7);
    expect(result?.value).toBeCloseTo(14.2857, 4);
    expect(result?.ci95?.[0]).toBeCloseTo(-47.422, 2);
    expect(result?.ci95?.[1]).toBeCloseTo(75.994, 2);
  });

  test('all promoters: 100 with a zero-width interval; nothing answered: null', () => {
    expect(npsWithInterval(5, 0, 5)).toEqual({ value: 100, ci95: [100, 100] });
    expect(npsWithInterval(0, 0, 0)).toBeNull();
    expect(npsWithInterval(1, 0, 1)).toEqual({ value: 100, ci95: null });
  });
});
