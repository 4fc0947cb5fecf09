"use server";
// Admin: override (or restore) whether answers count as regrettable.
import { getDb } from "@/db/client";
import { setRegrettable } from "@/db/queries/workbench-filing";
import { regrettableSchema } from "@/lib/validation/taxonomy";
import { action, actorOf } from "@/lib/actions/safe-action";
import { refuseTaxonomy } from "@/lib/actions/taxonomy/refuse-taxonomy";

const run = action("admin", regrettableSchema, async (input, user) => {
  const db = await getDb();
  return refuseTaxonomy(() => setRegrettable(db, input.refs, input.regrettable, actorOf(user)));
});

export async function setRegrettableAction(input: unknown) {
  return run(input);
}
