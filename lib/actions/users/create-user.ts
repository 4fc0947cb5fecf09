"use server";
// Admin: a new staff user with a one-time password, shown once to the admin who made it; the user
// must change it at their first sign-in.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { oneTimePassword } from "@/db/queries/passwords";
import { DuplicateEmailError, createUser } from "@/db/queries/users";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";
import { inviteUserSchema } from "@/lib/validation/users";

const run = action("admin", inviteUserSchema, async (input, user) => {
  const password = oneTimePassword();
  const db = await getDb();
  const created = await refuseOn(
    () => createUser(db, { ...input, password }, actorOf(user), { mustChangePassword: true }),
    DuplicateEmailError,
  );
  revalidatePath("/admin");
  return "id" in created ? { ...created, password } : created;
});

export async function createUserAction(input: unknown) {
  return run(input);
}
