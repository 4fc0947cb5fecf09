"use server";
// Admin: disable a user (their session stops working at once) or enable them again.
import { getDb } from "@/db/client";
import { setUserActive } from "@/db/queries/users";
import { action, actorOf, refuseWith } from "@/lib/actions/safe-action";
import { userRefusal } from "@/lib/auth/user-refusals";
import { setActiveSchema } from "@/lib/validation/users";

const run = action("admin", setActiveSchema, async (input, user) => {
  const db = await getDb();
  return refuseWith(() => setUserActive(db, input.userId, input.active, actorOf(user)), userRefusal);
});

export async function setUserActiveAction(input: unknown) {
  return run(input);
}
