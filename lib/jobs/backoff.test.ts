// The retry wait of the job queue: exponential, jittered between half and all of the full wait, capped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Backoff, backoffMs, DEFAULT_BACKOFF } from "./backoff";

const SECOND = 1000;

describe("backoffMs", () => {
  it("waits 10 s, 20 s, 40 s … after each failure with no jitter drawn at the top", () => {
    // random → 1 is the whole wait; 0 is half of it.
    const top = [1, 2, 3, 4, 5].map((n) => backoffMs(n, 1 - Number.EPSILON));
    expect(top).toEqual([10, 20, 40, 80, 160].map((s) => s * SECOND));
    const bottom = [1, 2, 3, 4, 5].map((n) => backoffMs(n, 0));
    expect(bottom).toEqual([5, 10, 20, 40, 80].map((s) => s * SECOND));
    expect(backoffMs(3, 0.5)).toBe(30 * SECOND); // 20 s + 20 s × .5
  });

  it("grows with each failure for the same draw", () => {
    const waits = Array.from({ length: 12 }, (_, i) => backoffMs(i + 1, 0.3));
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] ?? Infinity);
    expect(waits[8]).toBeGreaterThan(waits[0] ?? Infinity);
  });

  it("stops growing at the cap of one hour", () => {
    expect(backoffMs(9, 1 - Number.EPSILON)).toBe(2560 * SECOND);
    expect(backoffMs(10, 1 - Number.EPSILON)).toBe(3600 * SECOND);
    expect(backoffMs(40, 1 - Number.EPSILON)).toBe(3600 * SECOND);
    expect(backoffMs(10_000, 0)).toBe(1800 * SECOND);
  });

  it("treats a run count below one as the first failure", () => {
    expect(backoffMs(0, 0)).toBe(5 * SECOND);
    expect(backoffMs(-3, 0)).toBe(5 * SECOND);
  });

  it("spreads jobs that failed together: different draws, different waits", () => {
    const draws = [0, 0.1, 0.25, 0.5, 0.75, 0.9];
    const waits = draws.map((r) => backoffMs(4, r));
    expect(new Set(waits).size).toBe(draws.length);
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(30 * SECOND);
  });

  it("always lies within half and all of base·2ⁿ⁻¹, never above the cap", () => {
    const backoff = fc
      .record({ baseMs: fc.integer({ min: 1, max: 60_000 }), capMs: fc.integer({ min: 1, max: 86_400_000 }) })
      .filter((b) => b.capMs >= b.baseMs);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        backoff,
        (attempts, random, b: Backoff) => {
          const full = Math.min(b.capMs, b.baseMs * 2 ** Math.min(attempts - 1, 30));
          const wait = backoffMs(attempts, random, b);
          return wait >= Math.floor(full / 2) && wait <= full && wait <= b.capMs;
        },
      ),
    );
  });

  it("never waits less after a later failure for the same draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, random) => backoffMs(attempts + 1, random) >= backoffMs(attempts, random),
      ),
    );
  });

  it("uses the webhook defaults: 10 s base, one hour cap", () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 10 * SECOND, capMs: 3600 * SECOND });
  });
});
