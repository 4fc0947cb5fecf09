"use server";
// Admin: a new reason category (a new taxonomy version).
import { getDb } from "@/db/client";
import { createCategory } from "@/db/queries/taxonomy";
import { categoryInputSchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", categoryInputSchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => createCategory(db, input, actorOf(user)));
});

export async function createCategoryAction(input: unknown) {
  return run(input);
}
