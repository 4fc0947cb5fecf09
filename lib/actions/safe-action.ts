// The one helper every server action goes through: it finds the user, checks the role on the
// server (and that no one-time password waits to be changed), validates the input with the
// action's zod schema, and names the bad field on failure.
import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { recordRefusal } from "@/db/queries/audit";
import type { Actor, SessionUser, SignedInUser } from "@/lib/types/session";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/paths";
import { type Role, hasRole } from "@/lib/values";
import { type GateOptions, getCurrentUser } from "@/lib/auth/session";

/** `status` follows HTTP: 401 signed out, 403 not allowed, 404 gone, 409 changed by someone else. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: string; field?: string; changedBy?: string | null; changedAt?: string };

/** Returned by an action's body to refuse with a status (the write's WHERE clause said no). */
export class Refusal {
  constructor(
    readonly status: 403 | 404 | 409 | 422 | 429,
    readonly error: string,
    readonly details: { changedBy?: string | null; changedAt?: string; field?: string } = {},
  ) {}
}

/** Runs a write, answering the errors `word` knows as refusals (their status, words and field). */
export async function refuseWith<T>(
  write: () => Promise<T>,
  word: (error: unknown) => { status: Refusal["status"]; error: string; field?: string } | null,
): Promise<T | Refusal> {
  try {
    return await write();
  } catch (error) {
    const refusal = word(error);
    if (!refusal) throw error;
    return new Refusal(refusal.status, refusal.error, refusal.field ? { field: refusal.field } : {});
  }
}

export function actorOf(user: SessionUser): Actor {
  return { type: "user", id: user.id, label: user.email };
}

export function action<S extends z.ZodType, T>(
  minRole: Role,
  schema: S,
  run: (input: z.infer<S>, user: SignedInUser) => Promise<T | Refusal>,
  options: GateOptions = {},
) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, status: 401, error: "Your session has ended; sign in again." };
    if (user.mustChangePassword && options.pendingPasswordChange !== "allow") {
      await recordRefusal(await getDb(), actorOf(user), "server action before a password change", "one-time password");
      return { ok: false, status: 403, error: `Change your one-time password first, at ${CHANGE_PASSWORD_PATH}.` };
    }
    if (!hasRole(user.role, minRole)) {
      await recordRefusal(await getDb(), actorOf(user), `server action needing ${minRole}`, `is ${user.role}`);
      return { ok: false, status: 403, error: `This needs the ${minRole} role; you are ${user.role}.` };
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".");
      return {
        ok: false,
        status: 422,
        error: issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Check the form.",
        field,
      };
    }
    const out = await run(parsed.data, user);
    if (out instanceof Refusal) return { ok: false, status: out.status, error: out.error, ...out.details };
    return { ok: true, data: out };
  };
}
