/**
 * Duration histograms for rollups. A value below 128 s is its own bucket; a larger one is
 * cut to its 7 leading bits (a bucket at most 1/64 of its value wide). Each bucket keeps
 * count, sum, min and max, so a mean is exact, and a percentile is exact whenever every
 * bucket it reads holds at most two distinct values (values inside a bucket are taken as
 * evenly spread between its min and max).
 */

export const EXACT_BELOW = 128;

/** The bucket of a duration in seconds (the same formula as `durationBucketSql`). */
export function durationBucket(seconds: number): number {
  const value = Math.max(0, Math.floor(seconds));
  if (value < EXACT_BELOW) return value;
  const shift = Math.floor(Math.log2(value)) - 6;
  return Math.floor(value / 2 ** shift) * 2 ** shift;
}

export interface HistogramBucket {
  bucket: number;
  count: number;
  total: number;
  min: number;
  max: number;
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

/** n, mean and continuous percentiles (as `percentile_cont`) of buckets in any order. */
export function histogramFigures(input: HistogramBucket[]): HistogramFigures {
  const buckets = input.filter((b) => b.count > 0).sort((a, b) => a.bucket - b.bucket);
  const starts: number[] = [];
  let n = 0;
  let total = 0;
  for (const b of buckets) {
    starts.push(n);
    n += b.count;
    total += b.total;
  }
  if (n === 0) return { n: 0, mean: null, median: null, p90: null };
  const percentile = (p: number) => {
    const h = p * (n - 1);
    const lower = Math.floor(h);
    const low = valueAt(buckets, starts, lower);
    const high = valueAt(buckets, starts, Math.ceil(h));
    return low + (h - lower) * (high - low);
  };
  return { n, mean: total / n, median: percentile(0.5), p90: percentile(0.9) };
}
