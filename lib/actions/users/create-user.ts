"use server";
// Admin: a new staff user with a one-time password, shown once to the admin who made it; the user
// must change it at their first sign-in.
import { getDb } from "@/db/client";
import { oneTimePassword } from "@/db/queries/passwords";
import { createUser } from "@/db/queries/users";
import { Refusal, action, actorOf, refuseWith } from "@/lib/actions/safe-action";
import { userRefusal } from "@/lib/auth/user-refusals";
import { inviteUserSchema } from "@/lib/validation/users";

const run = action("admin", inviteUserSchema, async (input, user) => {
  const password = oneTimePassword();
  const db = await getDb();
  const created = await refuseWith(
    () => createUser(db, { ...input, password }, actorOf(user), { mustChangePassword: true }),
    userRefusal,
  );
  return created instanceof Refusal ? created : { ...created, password };
});

export async function createUserAction(input: unknown) {
  return run(input);
}
