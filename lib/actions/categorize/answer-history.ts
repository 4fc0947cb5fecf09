"use server";
// Admin: one answer's filing history (who moved it, when, from what to what, under which version).
import { getDb } from "@/db/client";
import { answerHistory } from "@/db/queries/workbench";
import { action } from "@/lib/actions/safe-action";
import { answerHistorySchema } from "@/lib/validation/taxonomy";

const run = action("admin", answerHistorySchema, async ({ ref }) => answerHistory(await getDb(), ref));

export async function answerHistoryAction(input: unknown) {
  return run(input);
}
