"use server";
// Admin: a new staff user with a one-time password, shown once to the admin who made it.
import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { DuplicateEmailError, createUser } from "@/db/queries/users";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";
import { inviteUserSchema } from "@/lib/validation/users";

const run = action("admin", inviteUserSchema, async (input, user) => {
  const password = randomBytes(12).toString("base64url");
  const db = await getDb();
  const created = await refuseOn(() => createUser(db, { ...input, password }, actorOf(user)), DuplicateEmailError);
  revalidatePath("/admin");
  return "id" in created ? { ...created, password } : created;
});

export async function createUserAction(input: unknown) {
  return run(input);
}
