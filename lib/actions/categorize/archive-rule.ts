"use server";
// Admin: remove a categorizing rule (answers it filed stay filed).
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { archiveRule } from "@/db/queries/workbench";
import { TaxonomyError } from "@/db/queries/taxonomy";
import { ruleIdSchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", ruleIdSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => archiveRule(db, input.id, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/workbench");
  return result;
});

export async function archiveRuleAction(input: unknown) {
  return run(input);
}
