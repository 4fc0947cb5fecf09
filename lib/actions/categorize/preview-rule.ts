"use server";
// Admin: how many uncategorized answers a rule would catch, with a sample, before it is saved.
import { getDb } from "@/db/client";
import { previewRule } from "@/db/queries/workbench-rules";
import { action } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";
import { matchInputSchema } from "@/lib/validation/taxonomy";

const run = action("admin", matchInputSchema, async (input) => {
  const db = await getDb();
  return refuseTaxonomy(() => previewRule(db, input));
});

export async function previewRuleAction(input: unknown) {
  return run(input);
}
