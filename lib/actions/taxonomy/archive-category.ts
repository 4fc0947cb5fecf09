"use server";
// Admin: archive a category; its answers stay, new ones go to Uncategorized.
import { getDb } from "@/db/client";
import { archiveCategory } from "@/db/queries/taxonomy";
import { archiveCategorySchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", archiveCategorySchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => archiveCategory(db, input.id, actorOf(user)));
});

export async function archiveCategoryAction(input: unknown) {
  return run(input);
}
