// Fuzzing every server action's arguments: each action's zod schema, then the query its body
// calls with the parsed input, as lib/actions does (test/action-cases.ts). Inputs are a valid
// argument with one or two values made hostile. A refusal (a 422 naming the field, or the query's
// own refusal) is fine; a thrown error is a 500.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_CASES, REFUSALS } from "@/test/action-cases";
import { actionFixture } from "@/test/action-fixture";
import { setupTestDb } from "@/test/db";
import { fuzzSurface } from "@/test/fuzz";
import { HOSTILE, hostileArgument, pathsOf, setAt } from "@/test/hostile";

const t = setupTestDb();

describe("every server action has a fuzzing case", () => {
  it("lists each exported action of lib/actions", () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".ts") && fs.readFileSync(full, "utf8").startsWith('"use server"'))
          for (const m of fs.readFileSync(full, "utf8").matchAll(/export async function (\w+Action)\(/g))
            found.push(m[1] ?? "");
      }
    };
    walk("lib/actions");
    // signOutAction takes no argument.
    expect(found.filter((a) => a !== "signOutAction").sort()).toEqual(ACTION_CASES.map((c) => c.action).sort());
  });
});

describe.each(ACTION_CASES.map((c) => [c.action, c] as const))("fuzzing the arguments of %s", (name, c) => {
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
