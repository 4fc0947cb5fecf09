// Fuzzing helpers for vitest: a runner that counts the inputs answered with a status ≥ 500 (or a
// thrown error, which a server turns into one) and prints the figures for the record.
import fc from "fast-check";
import { expect } from "vitest";
import { dbFuzzRuns, shown } from "./hostile";

/** The first line of an error and of its cause (drizzle wraps the database's message). */
function reason(error: unknown): string {
  const line = (e: unknown) =>
    String(e instanceof Error ? e.message : e)
      .split("\n")[0]
      ?.slice(0, 120) ?? "";
  const cause = error instanceof Error && error.cause ? ` (${line(error.cause)})` : "";
  return `${line(error)}${cause}`;
}

export interface FuzzOptions<T> {
  examples?: T[];
  runs?: number;
  seed?: number;
}

/**
 * Runs `attempt` on the examples and on `runs` generated inputs (by default `dbFuzzRuns()`); it answers an HTTP status (or an
 * action's). A status ≥ 500 or a thrown error is a failure; all are counted before the test
 * fails, and the figures are printed for the record.
 */
export async function fuzzSurface<T>(
  surface: string,
  arbitrary: fc.Arbitrary<T>,
  attempt: (input: T) => Promise<number>,
  { examples = [], runs = dbFuzzRuns(), seed = 6006 }: FuzzOptions<T> = {},
): Promise<void> {
  let tried = 0;
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      tried++;
      try {
        const status = await attempt(input);
        if (status >= 500) failures.push(`${shown(input)} → ${status}`);
      } catch (error) {
        failures.push(`${shown(input)} → threw ${reason(error)}`);
      }
    }),
    // The examples come first and count in numRuns: `runs` generated inputs follow them.
    { numRuns: runs + examples.length, seed, examples: examples.map((e): [T] => [e]) },
  );
  console.log(
    `[fuzz] ${surface}: ${tried} inputs (${examples.length} fixed, ${runs} generated), ${failures.length} answered ≥ 500 or threw`,
  );
  expect(failures.slice(0, 8), `${surface}: ${failures.length} of ${tried} inputs answered ≥ 500`).toEqual([]);
}
