/**
 * The statistics behind every satisfaction figure: 95 % intervals for a proportion
 * (Wilson), a mean (Student's t) and NPS (normal, from its own standard error).
 * Pure functions on counts; the counting itself is SQL (src/server/modules/metrics).
 */

/** The 97.5th percentile of the standard normal distribution (two-sided 95 %). */
export const Z95 = 1.959963984540054;

export type Interval = [number, number];

/** Wilson score interval for `positives` of `n` (0…1); null when n = 0. */
export function wilsonInterval(positives: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = positives / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** ln Γ(x) (Lanczos approximation, |error| < 2e-10 for x > 0). */
function logGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
    -0.5395239384953e-5,
  ];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let series = 1.000000000190015;
  for (const coefficient of c) {
    y += 1;
    series += coefficient / y;
  }
  return -tmp + Math.log((2.5066282746310007 * series) / x);
}

/** Continued fraction of the regularised incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The `p` quantile of Student's t (exact to ~1e-10 by bisection; small samples need it). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError('studentTQuantile needs 0 < p < 1 and df > 0');
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * 95 % t-interval of a mean from n, Σx and Σx² (the counts SQL returns); null below n = 2.
 * `bounds` clamps it to the scale (a mean of 1–5 answers cannot exceed 5).
 */
export function meanInterval(
  n: number,
  sum: number,
  sumOfSquares: number,
  bounds?: { min: number; max: number },
): Interval | null {
  if (n < 2) return null;
  const mean = sum / n;
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  const low = mean - half;
  const high = mean + half;
  return bounds ? [Math.max(bounds.min, low), Math.min(bounds.max, high)] : [low, high];
}

/**
 * NPS (−100…100) and its 95 % interval from SE = √((p⁺+p⁻) − (p⁺−p⁻)²) ÷ √n,
 * clamped to −100…100; null when n = 0 (the interval null below n = 2).
 */
export function npsWithInterval(
  promoters: number,
  detractors: number,
  n: number,
  z = Z95,
): { value: number; ci95: Interval | null } | null {
  if (n <= 0) return null;
  const pPlus = promoters / n;
  const pMinus = detractors / n;
  const value = 100 * (pPlus - pMinus);
  if (n < 2) return { value, ci95: null };
  const se = Math.sqrt(Math.max(0, pPlus + pMinus - (pPlus - pMinus) ** 2)) / Math.sqrt(n);
  return { value, ci95: [Math.max(-100, value - 100 * z * se), Math.min(100, value + 100 * z * se)] };
}
