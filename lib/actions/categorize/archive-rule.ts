"use server";
// Admin: remove a categorizing rule (answers it filed stay filed).
import { getDb } from "@/db/client";
import { archiveRule } from "@/db/queries/workbench-rules";
import { ruleIdSchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", ruleIdSchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => archiveRule(db, input.id, actorOf(user)));
});

export async function archiveRuleAction(input: unknown) {
  return run(input);
}
