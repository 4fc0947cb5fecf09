// When a failed job runs again: exponential backoff with jitter. The nth failure waits between half
// and all of base·2ⁿ⁻¹ (capped), so retries of many jobs that failed together spread out.
export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** Webhooks: 10 s, 20 s, 40 s … up to an hour between tries, for 24 hours. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 10_000, capMs: 3_600_000 };

/** The wait after the `attempts`-th failed run (1 for the first), `random` in [0, 1). */
export function backoffMs(
  attempts: number,
  random: number = Math.random(),
  backoff: Backoff = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const full = Math.min(backoff.capMs, backoff.baseMs * 2 ** exponent);
  return Math.round(full / 2 + (full / 2) * random);
}
