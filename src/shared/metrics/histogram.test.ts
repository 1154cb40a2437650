import { describe, expect, it } from 'vitest';
import {
  BUCKET_COUNT,
  bucketIndex,
  durationBucket,
  encodeHistogram,
  type Histogram,
  HistogramMerger,
  histogramFigures,
} from './histogram.ts';

/** The histogram of raw values, through the stored form the rollups keep. */
function histogramOf(values: number[]): Histogram {
  const stored = encodeHistogram(values);
  const merger = new HistogramMerger();
  merger.addStored(stored.count, stored.total, stored.bytes);
  return merger.take();
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

  it('numbers the buckets without gaps, one per 1/64 of a power of two above 128', () => {
    // 3600 = 112.5 · 2^5 (12 bits): the 48th bucket of [2^11, 2^12), after 128 + 4 · 64.
    const indices = [0, 127, 128, 129, 255, 256, 3600].map(bucketIndex);
    expect(indices).toEqual([0, 127, 128, 128, 191, 192, 432]);
    // 128 exact buckets, then 64 for each power of two from 2^7 to 2^30.
    expect(BUCKET_COUNT).toBe(128 + 24 * 64);
    for (const v of [200, 3600, 65_537, 9_999_999, 2 ** 31 - 1]) {
      const low = durationBucket(v);
      expect(bucketIndex(low)).toBe(bucketIndex(v));
      expect(bucketIndex(low - 1)).toBe(bucketIndex(v) - 1);
    }
  });

  it('stores a bucket of one value as it, of two as both, of more as −count, min and max', () => {
    const stored = encodeHistogram([3601, 60.7, 7200, 3600, 7210, 7230, 90_000]);
    expect(stored).toMatchObject({ count: 7, total: 3601 + 60 + 7200 + 3600 + 7210 + 7230 + 90_000 });
    // 60 | 3600, 3601 (bucket 3584–3615) | 3 values in 7168–7231 | 90,000.
    const ints = ['0000003c', '00000e10', '00000e11', 'fffffffd', '00001c20', '00001c3e', '00015f90'];
    expect(Buffer.from(stored.bytes).toString('hex')).toBe(ints.join(''));
    expect(histogramOf([3601, 60.7, 7200, 3600, 7210, 7230, 90_000]).buckets).toEqual([
      { count: 1, min: 60, max: 60 },
      { count: 2, min: 3600, max: 3601 },
      { count: 3, min: 7200, max: 7230 },
      { count: 1, min: 90_000, max: 90_000 },
    ]);
  });

  it('merges rows into the histogram of all their values, its size bounded by the buckets', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => Math.floor(Math.exp(4 + 8 * ((i * 0.618) % 1))));
    const merger = new HistogramMerger();
    for (let day = 0; day < 10; day++) {
      const stored = encodeHistogram(values.filter((_, i) => i % 10 === day));
      merger.addStored(stored.count, stored.total, stored.bytes);
    }
    const merged = merger.take();
    expect(merged).toEqual(histogramOf(values));
    expect(merged.count).toBe(20_000);
    // 55 s to 164,000 s: 64 buckets for each of 12 powers of two at most, far fewer than the values.
    expect(merged.buckets.length).toBeLessThanOrEqual(128 + 12 * 64);
    // The merger is empty again for the next group.
    expect(merger.take()).toEqual({ count: 0, total: 0, buckets: [] });
  });

  it('clamps durations beyond 68 years into the last bucket but keeps their exact sum', () => {
    const h = histogramOf([2 ** 33, 10]);
    expect(h).toEqual({
      count: 2,
      total: 2 ** 33 + 10,
      buckets: [
        { count: 1, min: 10, max: 10 },
        { count: 1, min: 2 ** 31 - 1, max: 2 ** 31 - 1 },
      ],
    });
  });

  it('gives percentile_cont exactly for distinct values far apart', () => {
    // Sorted 60, 120, 300, 600: median at h = 1.5 → 120 + 0.5·180 = 210; p90 at h = 2.7 → 300 + 0.7·300 = 510.
    const figures = histogramFigures(histogramOf([600, 60, 300, 120]));
    expect(figures).toMatchObject({ n: 4, mean: 270, median: 210 });
    expect(figures.p90).toBeCloseTo(510, 9);
  });

  it('is exact when a bucket holds two values or repeats of one', () => {
    const values = [3600, 3601, 7200, 7200, 7200, 86_400];
    const figures = histogramFigures(histogramOf(values));
    expect(figures.median).toBe(exact(values, 0.5));
    expect(figures.p90).toBe(exact(values, 0.9));
    expect(figures.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  it('stays within a bucket width of the exact percentile on many values', () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.floor(Math.exp(4 + 6 * ((i * 0.618) % 1))));
    const figures = histogramFigures(histogramOf(values));
    for (const [p, got] of [
      [0.5, figures.median],
      [0.9, figures.p90],
    ] as const) {
      const want = exact(values, p);
      expect(Math.abs((got ?? 0) - want)).toBeLessThanOrEqual(want / 64);
    }
  });

  it('has no figures without values', () => {
    expect(histogramFigures(histogramOf([]))).toEqual({ n: 0, mean: null, median: null, p90: null });
  });
});
