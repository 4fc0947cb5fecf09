"use server";
// Admin: rename or edit a category (a new taxonomy version).
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { TaxonomyError, updateCategory } from "@/db/queries/taxonomy";
import { updateCategorySchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", updateCategorySchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => updateCategory(db, input.id, input.category, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/taxonomy");
  return result;
});

export async function updateCategoryAction(input: unknown) {
  return run(input);
}
