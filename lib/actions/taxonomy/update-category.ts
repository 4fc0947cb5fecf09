"use server";
// Admin: rename or edit a category (a new taxonomy version).
import { getDb } from "@/db/client";
import { updateCategory } from "@/db/queries/taxonomy";
import { updateCategorySchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", updateCategorySchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => updateCategory(db, input.id, input.category, actorOf(user)));
});

export async function updateCategoryAction(input: unknown) {
  return run(input);
}
