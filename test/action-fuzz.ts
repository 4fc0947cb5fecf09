// Fuzzing every server action's arguments (db/queries/actions*.fuzz.test.ts): each action's zod
// schema, then the query its body calls with the parsed input, as lib/actions does
// (test/action-cases.ts). Inputs are a valid argument with one or two values made hostile. A refusal
// (a 422 naming the field, or the query's own refusal) is fine; a thrown error is a 500. The actions
// are dealt over three files, so the suite's workers share them.
import { describe, expect, it } from "vitest";
import { ACTION_CASES, REFUSALS } from "./action-cases";
import { actionFixture } from "./action-fixture";
import type { TestDb } from "./db";
import { fuzzSurface } from "./fuzz";
import { HOSTILE, hostileArgument, pathsOf, setAt } from "./hostile";

export const ACTION_FUZZ_FILES = 3;

/** Fuzzes the actions dealt to file `part` (0-based) of ACTION_FUZZ_FILES. */
export function fuzzActions(t: TestDb, part: number): void {
  const cases = ACTION_CASES.filter((_, i) => i % ACTION_FUZZ_FILES === part);
  describe.each(cases.map((c) => [c.action, c] as const))("fuzzing the arguments of %s", (name, c) => {
    it("refuses or runs every generated argument, never a thrown error", async () => {
      const f = await actionFixture(t.db);
      const valid = c.valid(f);
      expect(c.schema.safeParse(valid).success).toBe(true);
      const examples = pathsOf(valid).flatMap((p) => HOSTILE.map((v) => setAt(valid, p, v)));
      await fuzzSurface(
        `${name} arguments`,
        hostileArgument(valid),
        async (input) => {
          try {
            return (await c.parseAndRun(t.db, input, f)) === "refused" ? 422 : 200;
          } catch (error) {
            if (REFUSALS.some((k) => error instanceof k)) return 422;
            throw error;
          }
        },
        { examples },
      );
    });
  });
}
