// Route handlers' gate: the same session and role rules as pages (a pending one-time password
// refuses everything), and API keys with scopes, answered as problem+json.
import "server-only";
import { getDb } from "@/db/client";
import { type ApiKeyIdentity, type ApiScope, authenticateApiKey } from "@/db/queries/api-keys";
import { recordRefusal } from "@/db/queries/audit";
import { hitWindow } from "@/db/queries/rate-limits";
import type { Actor, SessionUser } from "@/lib/types/session";
import { answerInvalidKey } from "@/lib/http/invalid-key";
import { problem } from "@/lib/http/problem";
import { refuseBodyType, refuseCrossOrigin } from "@/lib/http/same-origin";
import { CHANGE_PASSWORD_PATH } from "./paths";
import { type Role, hasRole } from "@/lib/values";
import { getCurrentUser } from "./session";

type Handler<C, W> = (request: Request, context: C, who: W) => Promise<Response>;

const UNAUTHORIZED = () => problem(401, "Unauthorized", "Sign in, or send an API key as Authorization: Bearer <key>.");

const userActor = (user: SessionUser): Actor => ({ type: "user", id: user.id, label: user.email });
const PENDING_PASSWORD = `Change your one-time password first, at ${CHANGE_PASSWORD_PATH}.`;
const keyActor = (key: ApiKeyIdentity): Actor => ({ type: "api_key", id: key.id, label: key.name });
const what = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;

/** Answers a refusal and writes it to the audit log. */
async function refuse(request: Request, actor: Actor, status: 401 | 403, detail: string): Promise<Response> {
  await recordRefusal(await getDb(), actor, what(request), detail);
  return problem(status, status === 401 ? "Unauthorized" : "Forbidden", detail);
}

/**
 * Wraps a route handler: a write from another origin is refused (403), then 401 without a session,
 * 403 below `minRole`, 415 for a write whose body is not JSON, else calls it with the user.
 */
export function withUser<C>(
  minRole: Role,
  handler: Handler<C, SessionUser>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const crossOrigin = refuseCrossOrigin(request);
    if (crossOrigin) return crossOrigin;
    const user = await getCurrentUser();
    if (!user) return UNAUTHORIZED();
    if (user.mustChangePassword) return refuse(request, userActor(user), 403, PENDING_PASSWORD);
    if (!hasRole(user.role, minRole))
      return refuse(
        request,
        userActor(user),
        403,
        `This endpoint needs the ${minRole} role or higher; you are ${user.role}.`,
      );
    return refuseBodyType(request) ?? handler(request, context, user);
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

/**
 * For endpoints open to API keys: a key with `scope` (or with one of several) always; a signed-in
 * user at `minRole` when given.
 */
export function withApiKey<C>(
  scope: ApiScope | readonly ApiScope[],
  handler: Handler<C, Caller>,
  minRole?: Role,
): (request: Request, context: C) => Promise<Response> {
  const scopes: readonly ApiScope[] = typeof scope === "string" ? [scope] : scope;
  return async (request, context) => {
    const key = await bearerKey(request);
    if (key === null) return answerInvalidKey(request, await getDb());
    if (key) {
      if (!scopes.some((s) => key.scopes.includes(s)))
        return refuse(request, keyActor(key), 403, `The API key “${key.name}” lacks the ${scopes.join(" or ")} scope.`);
      const limit = await hitWindow(await getDb(), `apikey:${key.id}`, key.rateLimitPerMinute, 60);
      if (!limit.allowed) {
        return problem(
          429,
          "Too Many Requests",
          `The API key “${key.name}” may make ${key.rateLimitPerMinute} requests a minute; try again in ${limit.retryAfter} s.`,
          {
            headers: { "retry-after": String(limit.retryAfter) },
          },
        );
      }
      return handler(request, context, { kind: "api_key", key });
    }
    if (!minRole) return UNAUTHORIZED();
    // Without a key the session cookie authenticates: the same rule for writes as withUser.
    const crossOrigin = refuseCrossOrigin(request);
    if (crossOrigin) return crossOrigin;
    const user = await getCurrentUser();
    if (!user) return UNAUTHORIZED();
    if (user.mustChangePassword) return refuse(request, userActor(user), 403, PENDING_PASSWORD);
    if (!hasRole(user.role, minRole))
      return refuse(
        request,
        userActor(user),
        403,
        `This endpoint needs the ${minRole} role or higher; you are ${user.role}.`,
      );
    return refuseBodyType(request) ?? handler(request, context, { kind: "user", user });
  };
}
