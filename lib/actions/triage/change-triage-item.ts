"use server";
// Status, assignee and snooze of one queue item, with the version the person saw.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { changeItem } from "@/db/queries/triage";
import { action, actorOf } from "@/lib/actions/safe-action";
import { changeItemSchema } from "@/lib/validation/triage";
import { refuseOrVersion } from "./outcome";

const change = action("cs", changeItemSchema, async (input, user) => {
  const outcome = await changeItem(await getDb(), user, input, actorOf(user));
  if (outcome.ok) revalidatePath("/at-risk");
  return refuseOrVersion(outcome);
});

export async function changeTriageItemAction(input: unknown) {
  return change(input);
}
