"use server";
// Admin: file every uncategorized answer a rule matches.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { applyRule } from "@/db/queries/workbench";
import { TaxonomyError } from "@/db/queries/taxonomy";
import { ruleIdSchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", ruleIdSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => applyRule(db, input.id, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/workbench");
  return result;
});

export async function applyRuleAction(input: unknown) {
  return run(input);
}
