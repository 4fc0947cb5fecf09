"use server";
// Admin: file every uncategorized answer a rule matches.
import { getDb } from "@/db/client";
import { applyRule } from "@/db/queries/workbench-rules";
import { ruleIdSchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", ruleIdSchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => applyRule(db, input.id, actorOf(user)));
});

export async function applyRuleAction(input: unknown) {
  return run(input);
}
