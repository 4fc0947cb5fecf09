// The 95 % Wilson score interval of a proportion (docs/metrics.md, "Save rate by variant"): unlike
// p ± 1.96·√(p(1−p)/n) it stays inside [0, 1] and says something honest at 0 of 10 or 10 of 10.

/** The 97.5th percentile of the standard normal distribution: a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson interval of `successes` out of `trials`; null when there are no trials.
 * centre = (p + z²/2n) / (1 + z²/n), half-width = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²).
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials <= 0) return null;
  if (successes < 0 || successes > trials) throw new RangeError(`${successes} successes out of ${trials} trials`);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // Rounding can leave the ends a hair outside [0, 1] at p = 0 or 1.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Whether two save rates differ clearly: their 95 % intervals do not overlap. Overlapping intervals
 * do not prove the rates equal; they say the sessions so far cannot tell them apart yet.
 */
export function clearlyDifferent(a: Interval | null, b: Interval | null): boolean {
  if (!a || !b) return false;
  return a.high < b.low || b.high < a.low;
}
