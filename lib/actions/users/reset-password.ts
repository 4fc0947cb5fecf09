"use server";
// Admin: reset a user's password to a one-time password, shown once; the user's sessions end and
// they must choose a new password at their next sign-in.
import { getDb } from "@/db/client";
import { resetPassword } from "@/db/queries/passwords";
import { Refusal, action, actorOf, refuseWith } from "@/lib/actions/safe-action";
import { userRefusal } from "@/lib/auth/user-refusals";
import { resetPasswordSchema } from "@/lib/validation/users";

const run = action("admin", resetPasswordSchema, async (input, user) => {
  if (input.userId === user.id) return new Refusal(422, "Change your own password on the Change password page.");
  const db = await getDb();
  return refuseWith(() => resetPassword(db, input.userId, actorOf(user)), userRefusal);
});

export async function resetPasswordAction(input: unknown) {
  return run(input);
}
