import { describe, expect, it } from 'vitest';
import { durationBucket, type HistogramBucket, histogramFigures } from './histogram.ts';

/** Buckets as the rollup builder makes them from raw values. */
function bucketsOf(values: number[]): HistogramBucket[] {
  const map = new Map<number, HistogramBucket>();
  for (const v of values) {
    const key = durationBucket(v);
    const b = map.get(key) ?? { bucket: key, count: 0, total: 0, min: v, max: v };
    b.count += 1;
    b.total += v;
    b.min = Math.min(b.min, v);
    b.max = Math.max(b.max, v);
    map.set(key, b);
  }
  return [...map.values()];
}

/** percentile_cont over raw values, for comparison. */
function exact(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.ceil(h)] ?? 0;
  return a + (h - lo) * (b - a);
}

describe('duration histograms', () => {
  it('keeps small values exact and larger ones within 1/64', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(127)).toBe(127);
    // 300 = 0b100101100 (9 bits): cut to 7 leading bits → 300 − (300 mod 4) = 300.
    expect(durationBucket(300)).toBe(300);
    expect(durationBucket(301)).toBe(300);
    // 3600 (12 bits) → multiples of 32: 3584.
    expect(durationBucket(3600)).toBe(3584);
    for (const v of [128, 1000, 65_537, 9_999_999]) {
      expect(v - durationBucket(v)).toBeLessThanOrEqual(v / 64);
    }
  });

  it('gives percentile_cont exactly for distinct values far apart', () => {
    // Sorted 60, 120, 300, 600: median at h = 1.5 → 120 + 0.5·180 = 210; p90 at h = 2.7 → 300 + 0.7·300 = 510.
    const figures = histogramFigures(bucketsOf([600, 60, 300, 120]));
    expect(figures).toMatchObject({ n: 4, mean: 270, median: 210 });
    expect(figures.p90).toBeCloseTo(510, 9);
  });

  it('is exact when a bucket holds two values or repeats of one', () => {
    const values = [3600, 3601, 7200, 7200, 7200, 86_400];
    const figures = histogramFigures(bucketsOf(values));
    expect(figures.median).toBe(exact(values, 0.5));
    expect(figures.p90).toBe(exact(values, 0.9));
    expect(figures.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  it('stays within a bucket width of the exact percentile on many values', () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.floor(Math.exp(4 + 6 * ((i * 0.618) % 1))));
    const figures = histogramFigures(bucketsOf(values));
    for (const [p, got] of [
      [0.5, figures.median],
      [0.9, figures.p90],
    ] as const) {
      const want = exact(values, p);
      expect(Math.abs((got ?? 0) - want)).toBeLessThanOrEqual(want / 64);
    }
  });

  it('has no figures without values', () => {
    expect(histogramFigures([])).toEqual({ n: 0, mean: null, median: null, p90: null });
  });
});
