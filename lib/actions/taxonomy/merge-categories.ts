"use server";
// Admin: merge one category into another, re-filing its answers (a new taxonomy version).
import { getDb } from "@/db/client";
import { mergeCategories } from "@/db/queries/taxonomy";
import { mergeCategoriesSchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", mergeCategoriesSchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => mergeCategories(db, input.sourceId, input.targetId, actorOf(user)));
});

export async function mergeCategoriesAction(input: unknown) {
  return run(input);
}
