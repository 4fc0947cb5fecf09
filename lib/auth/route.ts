// Route handlers' gate: the same session and role rules as pages, and API keys with scopes,
// answered as problem+json.
import "server-only";
import { getDb } from "@/db/client";
import { type ApiKeyIdentity, type ApiScope, authenticateApiKey } from "@/db/queries/api-keys";
import type { SessionUser } from "@/db/queries/users";
import { problem } from "@/lib/http/problem";
import { type Role, hasRole } from "./roles";
import { getCurrentUser } from "./session";

type Handler<C, W> = (request: Request, context: C, who: W) => Promise<Response>;

const UNAUTHORIZED = () => problem(401, "Unauthorized", "Sign in, or send an API key as Authorization: Bearer <key>.");

/** Wraps a route handler: 401 without a session, 403 below `minRole`, else calls it with the user. */
export function withUser<C>(minRole: Role, handler: Handler<C, SessionUser>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHORIZED();
    if (!hasRole(user.role, minRole)) {
      return problem(403, "Forbidden", `This endpoint needs the ${minRole} role or higher; you are ${user.role}.`);
    }
    return handler(request, context, user);
  };
}

/** The API key of a request's bearer token: undefined without one, null when it is not valid. */
async function bearerKey(request: Request): Promise<ApiKeyIdentity | null | undefined> {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return null;
  return authenticateApiKey(await getDb(), match[1]);
}

export type Caller = { kind: "user"; user: SessionUser } | { kind: "api_key"; key: ApiKeyIdentity };

/** For endpoints open to API keys: a key with `scope` always; a signed-in user at `minRole` when given. */
export function withApiKey<C>(scope: ApiScope, handler: Handler<C, Caller>, minRole?: Role): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const key = await bearerKey(request);
    if (key === null) return problem(401, "Unauthorized", "The API key is not valid or was revoked.");
    if (key) {
      if (!key.scopes.includes(scope)) return problem(403, "Forbidden", `The API key “${key.name}” lacks the ${scope} scope.`);
      return handler(request, context, { kind: "api_key", key });
    }
    if (!minRole) return UNAUTHORIZED();
    const user = await getCurrentUser();
    if (!user) return UNAUTHORIZED();
    if (!hasRole(user.role, minRole)) return problem(403, "Forbidden", `This endpoint needs the ${minRole} role or higher; you are ${user.role}.`);
    return handler(request, context, { kind: "user", user });
  };
}
