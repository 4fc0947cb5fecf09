"use server";
// Admin: archive a category; its answers stay, new ones go to Uncategorized.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { TaxonomyError, archiveCategory } from "@/db/queries/taxonomy";
import { archiveCategorySchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", archiveCategorySchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => archiveCategory(db, input.id, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/taxonomy");
  return result;
});

export async function archiveCategoryAction(input: unknown) {
  return run(input);
}
