"use server";
// Puts the accounts of a drill-through list in the at-risk queue.
import { getDb } from "@/db/client";
import { addToQueue } from "@/db/queries/triage-items";
import { action, actorOf } from "@/lib/actions/safe-action";
import { addToQueueSchema } from "@/lib/validation/triage";

const add = action("cs", addToQueueSchema, async ({ externalIds }, user) =>
  addToQueue(await getDb(), user, externalIds, actorOf(user)),
);

export async function addToQueueAction(input: unknown) {
  return add(input);
}
