"use server";
// Admin: a new reason category (a new taxonomy version).
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { TaxonomyError, createCategory } from "@/db/queries/taxonomy";
import { categoryInputSchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", categoryInputSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => createCategory(db, input, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/taxonomy");
  return result;
});

export async function createCategoryAction(input: unknown) {
  return run(input);
}
