// The data-access layer's gate: every page, route handler and server action asks here who is calling.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { recordRefusal } from "@/db/queries/audit";
import { cache } from "react";
import { getDb } from "@/db/client";
import { type SessionUser, loadSessionUser } from "@/db/queries/users";
import { auth } from "./config";
import { type Role, hasRole } from "./roles";

/** The signed-in user, re-read from the database once per request; null when signed out or disabled. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id ?? null;
  if (!id) return null;
  return loadSessionUser(await getDb(), id);
});

/** For pages and server actions: sends a visitor to sign-in and refuses (403) a role that is too low. */
export async function requireUser(minRole: Role = "cs"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
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
