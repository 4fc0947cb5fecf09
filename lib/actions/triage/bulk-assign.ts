"use server";
// Managers: assign many queue items at once; each keeps its own version check.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { changeItem } from "@/db/queries/triage";
import { action, actorOf } from "@/lib/actions/safe-action";
import { bulkAssignSchema } from "@/lib/validation/triage";

const assign = action("manager", bulkAssignSchema, async ({ items, assigneeId }, user) => {
  const db = await getDb();
  const refused: { id: string; error: string }[] = [];
  let assigned = 0;
  for (const item of items) {
    const outcome = await changeItem(db, user, { ...item, assigneeId }, actorOf(user));
    if (outcome.ok) assigned++;
    else refused.push({ id: item.id, error: outcome.error });
  }
  revalidatePath("/at-risk");
  return { assigned, refused };
});

export async function bulkAssignAction(input: unknown) {
  return assign(input);
}
