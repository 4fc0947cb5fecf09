"use server";
// Status, assignee and snooze of one queue item, with the version the person saw.
import { getDb } from "@/db/client";
import { changeItem } from "@/db/queries/triage-items";
import { action, actorOf } from "@/lib/actions/safe-action";
import { changeItemSchema } from "@/lib/validation/triage";
import { refuseOrVersion } from "./outcome";

const change = action("cs", changeItemSchema, async (input, user) =>
  refuseOrVersion(await changeItem(await getDb(), user, input, actorOf(user)), user.role),
);

export async function changeTriageItemAction(input: unknown) {
  return change(input);
}
