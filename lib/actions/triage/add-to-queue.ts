"use server";
// Puts the accounts of a drill-through list in the at-risk queue.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { addToQueue } from "@/db/queries/triage";
import { action, actorOf } from "@/lib/actions/safe-action";
import { addToQueueSchema } from "@/lib/validation/triage";

const add = action("cs", addToQueueSchema, async ({ externalIds }, user) => {
  const result = await addToQueue(await getDb(), user, externalIds, actorOf(user));
  revalidatePath("/at-risk");
  return result;
});

export async function addToQueueAction(input: unknown) {
  return add(input);
}
