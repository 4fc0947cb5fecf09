"use server";
// Admin: split the answers matching a pattern out of a category into a new one.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { TaxonomyError, splitCategory } from "@/db/queries/taxonomy";
import { splitCategorySchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", splitCategorySchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(
    () => splitCategory(db, input.sourceId, input.category, input.match, actorOf(user)),
    TaxonomyError,
  );
  revalidatePath("/admin/taxonomy");
  return result;
});

export async function splitCategoryAction(input: unknown) {
  return run(input);
}
