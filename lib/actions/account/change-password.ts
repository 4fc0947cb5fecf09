"use server";
// Any signed-in user changes their own password (the only thing a pending one-time password
// allows): every other session ends, and this one is signed in again with the new version.
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { changeOwnPassword } from "@/db/queries/passwords";
import { NoSuchUserError } from "@/db/queries/user-errors";
import type { SignedInUser } from "@/lib/types/session";
import { Refusal, action, actorOf, refuseWith } from "@/lib/actions/safe-action";
import { signIn } from "@/lib/auth/config";
import { clientIp } from "@/lib/http/client-ip";
import { userRefusal } from "@/lib/auth/user-refusals";
import { type ChangePasswordInput, changePasswordSchema } from "@/lib/validation/users";

async function change(input: ChangePasswordInput, user: SignedInUser) {
  const db = await getDb();
  const ip = clientIp(await headers());
  const changed = await refuseWith(
    () =>
      changeOwnPassword(
        db,
        { userId: user.id, ip, currentPassword: input.currentPassword, newPassword: input.newPassword },
        actorOf(user),
      ),
    // A user gone since the session was read is an error, not a refusal to word.
    (error) => (error instanceof NoSuchUserError ? null : userRefusal(error)),
  );
  if (changed instanceof Refusal) return changed;
  // The change ended every session, this one too: a new token carries the new version.
  try {
    await signIn("credentials", { email: user.email, password: input.newPassword, redirect: false });
    return { signedIn: true };
  } catch (error) {
    if (error instanceof AuthError) return { signedIn: false };
    throw error;
  }
}

const run = action("cs", changePasswordSchema, change, { pendingPasswordChange: "allow" });

export async function changePasswordAction(input: unknown) {
  return run(input);
}
