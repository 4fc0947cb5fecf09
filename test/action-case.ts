// One server action as a fuzzing case: its zod schema, a valid argument, and what its body does
// with the parsed input (test/action-cases.ts lists them all).
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { SessionUser } from "@/lib/types/session";
import type { ActionFixture } from "./action-fixture";

export interface ActionCase {
  /** The exported name of the action in lib/actions. */
  action: string;
  schema: z.ZodType;
  valid: (f: ActionFixture) => Record<string, unknown>;
  /** Parses the input with the action's schema and, when it passes, does what the action's body does with it. */
  parseAndRun: (db: Db, input: unknown, f: ActionFixture) => Promise<"refused" | "ran">;
}

interface CaseOf<S extends z.ZodType> {
  action: string;
  schema: S;
  valid: (f: ActionFixture) => Record<string, unknown>;
  /** What the action's body does with the parsed input. */
  run: (db: Db, input: z.infer<S>, f: ActionFixture) => Promise<unknown>;
}

// The parsed input keeps its schema's type up to the query, so a case needs no cast to call it.
export function actionCase<S extends z.ZodType>(c: CaseOf<S>): ActionCase {
  return {
    action: c.action,
    schema: c.schema,
    valid: c.valid,
    parseAndRun: async (db, input, f) => {
      const parsed = c.schema.safeParse(input);
      if (!parsed.success) return "refused";
      await c.run(db, parsed.data, f);
      return "ran";
    },
  };
}

export const actor = (u: SessionUser) => ({ type: "user" as const, id: u.id, label: u.email });
