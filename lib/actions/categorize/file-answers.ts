"use server";
// Admin: file answers into a category.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { fileAnswers } from "@/db/queries/workbench";
import { TaxonomyError } from "@/db/queries/taxonomy";
import { fileAnswersSchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", fileAnswersSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => fileAnswers(db, input.refs, input.categoryId, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/workbench");
  return result;
});

export async function fileAnswersAction(input: unknown) {
  return run(input);
}
