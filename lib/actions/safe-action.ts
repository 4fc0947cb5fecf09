// The one helper every server action goes through: it finds the user, checks the role on the
// server, validates the input with the action's zod schema, and names the bad field on failure.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/db/queries/audit";
import type { SessionUser } from "@/db/queries/users";
import { type Role, hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; field?: string };

export function actorOf(user: SessionUser): Actor {
  return { type: "user", id: user.id, label: user.email };
}

export function action<S extends z.ZodType, T>(minRole: Role, schema: S, run: (input: z.infer<S>, user: SessionUser) => Promise<T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended; sign in again." };
    if (!hasRole(user.role, minRole)) return { ok: false, error: `This needs the ${minRole} role; you are ${user.role}.` };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue?.message ?? "Check the form.", field: issue?.path.join(".") };
    }
    return { ok: true, data: await run(parsed.data, user) };
  };
}
