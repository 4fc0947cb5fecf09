"use server";
// Admin: file answers into a category.
import { getDb } from "@/db/client";
import { fileAnswers } from "@/db/queries/workbench-filing";
import { fileAnswersSchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", fileAnswersSchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => fileAnswers(db, input.refs, input.categoryId, actorOf(user)));
});

export async function fileAnswersAction(input: unknown) {
  return run(input);
}
