"use server";
// Admin: save a categorizing rule; its suggestions appear beside matching answers.
import { getDb } from "@/db/client";
import { createRule } from "@/db/queries/workbench-rules";
import { ruleSchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", ruleSchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => createRule(db, input.match, input.categoryId, actorOf(user)));
});

export async function createRuleAction(input: unknown) {
  return run(input);
}
