"use server";
// Admin: split the answers matching a pattern out of a category into a new one.
import { getDb } from "@/db/client";
import { splitCategory } from "@/db/queries/taxonomy";
import { splitCategorySchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", splitCategorySchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => splitCategory(db, input.sourceId, input.category, input.match, actorOf(user)));
});

export async function splitCategoryAction(input: unknown) {
  return run(input);
}
