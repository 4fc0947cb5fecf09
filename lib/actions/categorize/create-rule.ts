"use server";
// Admin: save a categorizing rule; its suggestions appear beside matching answers.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createRule } from "@/db/queries/workbench";
import { TaxonomyError } from "@/db/queries/taxonomy";
import { ruleSchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", ruleSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => createRule(db, input.match, input.categoryId, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/workbench");
  return result;
});

export async function createRuleAction(input: unknown) {
  return run(input);
}
