"use server";
// Admin: change a user's role; it applies to that user's next request.
import { getDb } from "@/db/client";
import { setUserRole } from "@/db/queries/users";
import { action, actorOf, refuseWith } from "@/lib/actions/safe-action";
import { userRefusal } from "@/lib/auth/user-refusals";
import { setRoleSchema } from "@/lib/validation/users";

const run = action("admin", setRoleSchema, async (input, user) => {
  const db = await getDb();
  return refuseWith(() => setUserRole(db, input.userId, input.role, actorOf(user)), userRefusal);
});

export async function setUserRoleAction(input: unknown) {
  return run(input);
}
