// Route handlers' gate: the same session and role rules as pages, answered as problem+json.
import "server-only";
import type { SessionUser } from "@/db/queries/users";
import { problem } from "@/lib/http/problem";
import { type Role, hasRole } from "./roles";
import { getCurrentUser } from "./session";

type Handler<C> = (request: Request, context: C, user: SessionUser) => Promise<Response>;

/** Wraps a route handler: 401 without a session, 403 below `minRole`, else calls it with the user. */
export function withUser<C>(minRole: Role, handler: Handler<C>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const user = await getCurrentUser();
    if (!user) return problem(401, "Unauthorized", "Sign in, or send an API key, to use this endpoint.");
    if (!hasRole(user.role, minRole)) {
      return problem(403, "Forbidden", `This endpoint needs the ${minRole} role or higher; you are ${user.role}.`);
    }
    return handler(request, context, user);
  };
}
