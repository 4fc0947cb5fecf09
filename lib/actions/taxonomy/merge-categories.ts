"use server";
// Admin: merge one category into another, re-filing its answers (a new taxonomy version).
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { TaxonomyError, mergeCategories } from "@/db/queries/taxonomy";
import { mergeCategoriesSchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", mergeCategoriesSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(
    () => mergeCategories(db, input.sourceId, input.targetId, actorOf(user)),
    TaxonomyError,
  );
  revalidatePath("/admin/taxonomy");
  return result;
});

export async function mergeCategoriesAction(input: unknown) {
  return run(input);
}
