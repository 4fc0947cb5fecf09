"use server";
// Admin: reset a user's password to a one-time password, shown once; the user's sessions end and
// they must choose a new password at their next sign-in.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { NoSuchUserError, resetPassword } from "@/db/queries/passwords";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { resetPasswordSchema } from "@/lib/validation/users";

const run = action("admin", resetPasswordSchema, async (input, user) => {
  if (input.userId === user.id) return new Refusal(422, "Change your own password on the Change password page.");
  try {
    const reset = await resetPassword(await getDb(), input.userId, actorOf(user));
    revalidatePath("/admin");
    return reset;
  } catch (error) {
    if (error instanceof NoSuchUserError) return new Refusal(404, error.message);
    throw error;
  }
});

export async function resetPasswordAction(input: unknown) {
  return run(input);
}
