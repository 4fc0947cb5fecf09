"use server";
// Admin: one answer's filing history (who moved it, when, from what to what, under which version).
import { getDb } from "@/db/client";
import { answerHistory } from "@/db/queries/workbench";
import { action } from "@/lib/actions/safe-action";
import { answerHistorySchema } from "@/lib/validation/taxonomy";

const run = action("admin", answerHistorySchema, async ({ ref }) => {
  const rows = await answerHistory(await getDb(), ref);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    from: r.from_name,
    to: r.to_name,
    version: r.taxonomy_version,
    cause: r.cause,
    by: r.actor_label,
  }));
});

export async function answerHistoryAction(input: unknown) {
  return run(input);
}
