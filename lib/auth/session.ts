// The data-access layer's gate: every page, route handler and server action asks here who is calling.
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { z } from "zod";
import { recordRefusal } from "@/db/queries/audit";
import { cache } from "react";
import { getDb } from "@/db/client";
import { loadSession } from "@/db/queries/users";
import type { SignedInUser } from "@/lib/types/session";
import { handlers } from "./config";
import { CHANGE_PASSWORD_PATH } from "./paths";
import { type Role, hasRole } from "@/lib/values";

// Auth.js's session cookie: __Secure- on https, plain on http (".0", ".1"… when it is split in chunks).
const SECURE_COOKIE = "__Secure-authjs.session-token";
const PLAIN_COOKIE = "authjs.session-token";
const sessionShape = z
  .object({ user: z.object({ id: z.string() }).optional(), sessionVersion: z.number().optional() })
  .nullable()
  .catch(null);

/**
 * This request's session as Auth.js reads it, from the request's cookie jar rather than its Cookie
 * header: after a server action signs the user in again (a password change), the page Next renders
 * in the same request must see the new token, and only the jar holds it.
 */
async function currentSession(): Promise<z.infer<typeof sessionShape>> {
  const jar = await cookies();
  const has = (name: string) => jar.has(name) || jar.has(`${name}.0`);
  if (!has(SECURE_COOKIE) && !has(PLAIN_COOKIE)) return null;
  // Auth.js looks for the cookie named after the protocol it is asked on: ask on the matching one.
  const secure = has(SECURE_COOKIE);
  const url = `${secure ? "https" : "http"}://holdfast.invalid/api/auth/session`;
  const cookie = jar
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  const response = await handlers.GET(new NextRequest(url, { headers: { cookie } }));
  return response.ok ? sessionShape.parse(await response.json()) : null;
}

/**
 * The signed-in user, re-read from the database once per request; null when signed out, disabled, or
 * when the token's session version is no longer the user's (sign-out, a password change or reset).
 */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await currentSession();
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
