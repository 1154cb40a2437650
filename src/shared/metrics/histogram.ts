/**
 * Duration histograms for rollups. Durations are whole seconds; a value below 128 s is its
 * own bucket, a larger one is cut to its 7 leading bits (a bucket at most 1/64 of its value
 * wide), so every int4 value falls in one of `BUCKET_COUNT` buckets whatever the data.
 * Each bucket keeps count, min and max, so a percentile is exact whenever every bucket it
 * reads holds at most two distinct values (values inside a bucket are taken as evenly spread
 * between its min and max) and otherwise within 1/64 of the exact value; means come from
 * the exact count and sum kept beside the buckets.
 *
 * A rollup row stores its occupied buckets in ascending order as big-endian int4 (what
 * `int4send` writes in build.ts): a bucket of one value as that value, of two values as both,
 * of more as −count, min, max. Values are never negative, so the sign tells the forms apart;
 * a row is never longer than `BUCKET_COUNT` × 12 bytes, however many durations it holds.
 */

export const EXACT_BELOW = 128;
/** Rollups store whole seconds up to the int4 maximum (68 years); longer values are clamped to it. */
export const MAX_SECONDS = 2 ** 31 - 1;

/** The lower bound of a duration's bucket in seconds (the same formula as `bucketOf` in build.ts). */
export function durationBucket(seconds: number): number {
  const value = Math.max(0, Math.floor(seconds));
  if (value < EXACT_BELOW) return value;
  const shift = Math.floor(Math.log2(value)) - 6;
  return Math.floor(value / 2 ** shift) * 2 ** shift;
}

/** The position of a whole-second value (0 … MAX_SECONDS) among the buckets: 0–127, then 64 per power of two. */
export function bucketIndex(value: number): number {
  if (value < EXACT_BELOW) return value;
  const shift = 32 - Math.clz32(value) - 7;
  return EXACT_BELOW + (shift - 1) * 64 + ((value >>> shift) - 64);
}

export const BUCKET_COUNT = bucketIndex(MAX_SECONDS) + 1;

export interface HistogramBucket {
  count: number;
  min: number;
  max: number;
}

/** A histogram: the exact count and sum of its values, and its occupied buckets in ascending order. */
export interface Histogram {
  count: number;
  total: number;
  buckets: HistogramBucket[];
}

/** The stored form of whole-second values, as build.ts writes it (for tests and tools). */
export function encodeHistogram(values: number[]): { count: number; total: number; bytes: Uint8Array } {
  const buckets = new Map<number, HistogramBucket>();
  let total = 0;
  for (const raw of values) {
    const whole = Math.max(0, Math.floor(raw));
    total += whole;
    const value = Math.min(whole, MAX_SECONDS);
    const index = bucketIndex(value);
    const b = buckets.get(index);
    if (b) {
      b.count += 1;
      b.min = Math.min(b.min, value);
      b.max = Math.max(b.max, value);
    } else buckets.set(index, { count: 1, min: value, max: value });
  }
  const ints: number[] = [];
  for (const [, b] of [...buckets].sort(([a], [b]) => a - b)) {
    if (b.count === 1) ints.push(b.min);
    else if (b.count === 2) ints.push(b.min, b.max);
    else ints.push(-b.count, b.min, b.max);
  }
  const bytes = new Uint8Array(ints.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, value] of ints.entries()) view.setInt32(i * 4, value);
  return { count: values.length, total, bytes };
}

/**
 * Adds histograms together: stored rows (`addStored`) or histograms already merged (`addHistogram`).
 * Its work and memory are bounded by `BUCKET_COUNT`, whatever the number of values; `take`
 * returns the sum and empties the merger for the next group.
 */
export class HistogramMerger {
  private readonly counts = new Float64Array(BUCKET_COUNT);
  private readonly mins = new Int32Array(BUCKET_COUNT);
  private readonly maxs = new Int32Array(BUCKET_COUNT);
  private used: number[] = [];
  private count = 0;
  private total = 0;

  private addBucket(count: number, min: number, max: number): void {
    const i = bucketIndex(min);
    if (this.counts[i] === 0) {
      this.used.push(i);
      this.mins[i] = min;
      this.maxs[i] = max;
    } else {
      if (min < (this.mins[i] ?? min)) this.mins[i] = min;
      if (max > (this.maxs[i] ?? max)) this.maxs[i] = max;
    }
    this.counts[i] = (this.counts[i] ?? 0) + count;
  }

  /** A stored row: its count, sum and encoded buckets. */
  addStored(count: number, total: number, bytes: Uint8Array): void {
    this.count += count;
    this.total += total;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.byteLength - 3;
    for (let at = 0; at < end; ) {
      const first = view.getInt32(at);
      if (first >= 0) {
        this.addBucket(1, first, first);
        at += 4;
      } else {
        this.addBucket(-first, view.getInt32(at + 4), view.getInt32(at + 8));
        at += 12;
      }
    }
  }

  addHistogram(histogram: Histogram): void {
    this.count += histogram.count;
    this.total += histogram.total;
    for (const b of histogram.buckets) this.addBucket(b.count, b.min, b.max);
  }

  take(): Histogram {
    const used = Int32Array.from(this.used).sort();
    const buckets: HistogramBucket[] = [];
    for (const i of used) {
      buckets.push({ count: this.counts[i] ?? 0, min: this.mins[i] ?? 0, max: this.maxs[i] ?? 0 });
      this.counts[i] = 0;
    }
    const histogram = { count: this.count, total: this.total, buckets };
    this.used = [];
    this.count = 0;
    this.total = 0;
    return histogram;
  }
}

/** The value of rank `rank` (0-based) among the values of the sorted buckets. */
function valueAt(buckets: HistogramBucket[], starts: number[], rank: number): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= rank) low = mid;
    else high = mid - 1;
  }
  const b = buckets[low];
  if (!b) return Number.NaN;
  if (b.count <= 1 || b.max === b.min) return b.min;
  return b.min + ((b.max - b.min) * (rank - (starts[low] ?? 0))) / (b.count - 1);
}

export interface HistogramFigures {
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** n, exact mean and continuous percentiles (as `percentile_cont`) of a histogram. */
export function histogramFigures(histogram: Histogram): HistogramFigures {
  const { buckets } = histogram;
  const starts: number[] = [];
  let n = 0;
  for (const b of buckets) {
    starts.push(n);
    n += b.count;
  }
  if (n === 0) return { n: 0, mean: null, median: null, p90: null };
  const percentile = (p: number) => {
    const h = p * (n - 1);
    const lower = Math.floor(h);
    const low = valueAt(buckets, starts, lower);
    const high = valueAt(buckets, starts, Math.ceil(h));
    return low + (h - lower) * (high - low);
  };
  return { n, mean: histogram.total / histogram.count, median: percentile(0.5), p90: percentile(0.9) };
}
