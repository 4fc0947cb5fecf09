"use server";
// Admin: override (or restore) whether answers count as regrettable.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { setRegrettable } from "@/db/queries/workbench";
import { TaxonomyError } from "@/db/queries/taxonomy";
import { regrettableSchema } from "@/lib/validation/taxonomy";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", regrettableSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => setRegrettable(db, input.refs, input.regrettable, actorOf(user)), TaxonomyError);
  revalidatePath("/admin/workbench");
  return result;
});

export async function setRegrettableAction(input: unknown) {
  return run(input);
}
