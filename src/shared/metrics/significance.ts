import { studentTCdf } from './intervals.ts';

/**
 * Significance of a change between two periods: two-sided p-values for two proportions
 * (pooled z-test), two NPS values (their difference against √(SE₁² + SE₂²)), two means
 * (Welch's t) and two counts (z = (a − b) ÷ √(a + b)). Null when a test is undefined
 * (an empty period, no variance).
 */

export const SIGNIFICANCE_LEVEL = 0.05;

/** erf(x) from the Chebyshev fit of erfc in Numerical Recipes (|error| < 1.2e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.5 * a);
  const erfc =
    t *
    Math.exp(
      -a * a -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return sign * (1 - erfc);
}

/** P(Z ≤ z) for the standard normal distribution. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** Two-sided p-value of a standard normal statistic. */
export const normalPValue = (z: number): number => Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));

/** Pooled two-proportion z-test of x₁/n₁ against x₂/n₂. */
export function twoProportionPValue(x1: number, n1: number, x2: number, n2: number): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return null;
  return normalPValue((x1 / n1 - x2 / n2) / se);
}

/** The difference of two estimates against the root of their summed squared standard errors (NPS). */
export function differencePValue(a: number, seA: number, b: number, seB: number): number | null {
  const se = Math.sqrt(seA * seA + seB * seB);
  if (!(se > 0)) return null;
  return normalPValue((a - b) / se);
}

export interface SampleMoments {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/** Welch's unequal-variance t-test of two means given n, Σx and Σx². */
export function welchPValue(a: SampleMoments, b: SampleMoments): number | null {
  if (a.n < 2 || b.n < 2) return null;
  const meanA = a.sum / a.n;
  const meanB = b.sum / b.n;
  const varA = Math.max(0, (a.sumOfSquares - a.n * meanA * meanA) / (a.n - 1)) / a.n;
  const varB = Math.max(0, (b.sumOfSquares - b.n * meanB * meanB) / (b.n - 1)) / b.n;
  const se2 = varA + varB;
  if (!(se2 > 0)) return null;
  const df = (se2 * se2) / ((varA * varA) / (a.n - 1) + (varB * varB) / (b.n - 1));
  const t = (meanA - meanB) / Math.sqrt(se2);
  return Math.min(1, 2 * (1 - studentTCdf(Math.abs(t), df)));
}

/** Two counts of the same length of time (Poisson): z = (a − b) ÷ √(a + b). */
export function countPValue(a: number, b: number): number | null {
  if (a + b <= 0) return null;
  return normalPValue((a - b) / Math.sqrt(a + b));
}

/** The standard error of NPS in points: 100 × √((p⁺ + p⁻) − (p⁺ − p⁻)²) ÷ √n. */
export function npsStandardError(promoters: number, detractors: number, n: number): number | null {
  if (n <= 0) return null;
  const plus = promoters / n;
  const minus = detractors / n;
  return (100 * Math.sqrt(Math.max(0, plus + minus - (plus - minus) ** 2))) / Math.sqrt(n);
}
