"use server";
// Admin: how many uncategorized answers a rule would catch, with a sample, before it is saved.
import { getDb } from "@/db/client";
import { TaxonomyError } from "@/db/queries/taxonomy";
import { previewRule } from "@/db/queries/workbench";
import { action, refuseOn } from "@/lib/actions/safe-action";
import { matchInputSchema } from "@/lib/validation/taxonomy";

const run = action("admin", matchInputSchema, async (input) => {
  const db = await getDb();
  return refuseOn(() => previewRule(db, input), TaxonomyError);
});

export async function previewRuleAction(input: unknown) {
  return run(input);
}
