"use server";
// Managers: assign many queue items at once; each keeps its own version check.
import { getDb } from "@/db/client";
import { changeItem } from "@/db/queries/triage-items";
import { action, actorOf } from "@/lib/actions/safe-action";
import type { ItemState } from "@/lib/types/triage";
import { bulkAssignSchema } from "@/lib/validation/triage";
import { refusalWords } from "./refusal-words";

const assign = action("manager", bulkAssignSchema, async ({ items, assigneeId }, user) => {
  const db = await getDb();
  const refused: { id: string; error: string }[] = [];
  const changed: ItemState[] = [];
  for (const item of items) {
    const outcome = await changeItem(db, user, { ...item, assigneeId }, actorOf(user));
    if (outcome.ok && outcome.item) changed.push(outcome.item);
    else if (!outcome.ok) refused.push({ id: item.id, error: refusalWords(outcome, user.role).error });
  }
  return { assigned: changed.length, refused, items: changed };
});

export async function bulkAssignAction(input: unknown) {
  return assign(input);
}
