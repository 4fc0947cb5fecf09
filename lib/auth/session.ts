// The data-access layer's gate: every page, route handler and server action asks here who is calling.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { recordRefusal } from "@/db/queries/audit";
import { cache } from "react";
import { getDb } from "@/db/client";
import { type SignedInUser, loadSession } from "@/db/queries/users";
import { auth } from "./config";
import { CHANGE_PASSWORD_PATH } from "./paths";
import { type Role, hasRole } from "./roles";

/**
 * The signed-in user, re-read from the database once per request; null when signed out, disabled, or
 * when the token's session version is no longer the user's (sign-out, a password change or reset).
 */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id ?? null;
  const version = session?.sessionVersion;
  // A token without a version predates session versions: it is not accepted.
  if (!id || typeof version !== "number") return null;
  return loadSession(await getDb(), id, version);
});

export interface GateOptions {
  /** The change-password page (and the shell around it) opens while a one-time password is pending. */
  pendingPasswordChange?: "allow";
}

/**
 * For pages and server actions: sends a visitor to sign-in, a user with a one-time password to the
 * change-password page, and refuses (403) a role that is too low.
 */
export async function requireUser(minRole: Role = "cs", options: GateOptions = {}): Promise<SignedInUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword && options.pendingPasswordChange !== "allow") redirect(CHANGE_PASSWORD_PATH);
  if (!hasRole(user.role, minRole)) {
    const path = (await headers()).get("x-holdfast-path") ?? "a page";
    await recordRefusal(
      await getDb(),
      { type: "user", id: user.id, label: user.email },
      `GET ${path}`,
      `needs the ${minRole} role; is ${user.role}`,
    );
    forbidden();
  }
  return user;
}
