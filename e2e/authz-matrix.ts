// The authorization matrix: every page and route handler × who is asking → allowed or refused.
// The spec discovers routes from app/ and fails when one has no row here. Later routes add rows.
import fs from "node:fs";
import path from "node:path";

export type Identity = "anonymous" | "cs" | "manager" | "admin" | "key:ingest" | "key:read" | "key:cancel";
export const IDENTITIES: Identity[] = ["anonymous", "cs", "manager", "admin", "key:ingest", "key:read", "key:cancel"];
export type Verdict = "allowed" | "refused";

export interface MatrixRow {
  /** `METHOD /pattern`, as discovered from app/ (route groups removed). */
  route: string;
  /**
   * A concrete URL to request; `{account}` is replaced by a real account's externalId, `{session}`
   * and `{token}` by the id and link token of a cancel session the spec starts.
   */
  sample: string;
  kind: "page" | "api";
  access: Record<Identity, Verdict>;
  /** Where an allowed page request is redirected, when it is a redirect (e.g. / → /overview). */
  allowedRedirect?: string;
  /** Exact statuses where the verdict alone does not say (e.g. 401 for a session on an API-key route). */
  statuses?: Partial<Record<Identity, number>>;
}

// API keys open only the API routes of their scope; a page or a session-only route does not know them.
const noKeys = { "key:ingest": "refused", "key:read": "refused", "key:cancel": "refused" } as const;
const everyone: Record<Identity, Verdict> = {
  anonymous: "allowed",
  cs: "allowed",
  manager: "allowed",
  admin: "allowed",
  "key:ingest": "allowed",
  "key:read": "allowed",
  "key:cancel": "allowed",
};
const staff: Record<Identity, Verdict> = {
  anonymous: "refused",
  cs: "allowed",
  manager: "allowed",
  admin: "allowed",
  ...noKeys,
};
const adminOnly: Record<Identity, Verdict> = {
  anonymous: "refused",
  cs: "refused",
  manager: "refused",
  admin: "allowed",
  ...noKeys,
};
const managers: Record<Identity, Verdict> = {
  anonymous: "refused",
  cs: "refused",
  manager: "allowed",
  admin: "allowed",
  ...noKeys,
};
const nobody: Record<Identity, Verdict> = {
  anonymous: "refused",
  cs: "refused",
  manager: "refused",
  admin: "refused",
  ...noKeys,
};
/** The read API: staff sessions and keys with the read scope (an ingest key is refused, 403). */
const readApi: Record<Identity, Verdict> = { ...staff, "key:read": "allowed" };
const keyScope = { "key:ingest": 403, "key:cancel": 403 };
const sessionOnly = { "key:ingest": 401, "key:read": 401, "key:cancel": 401 };
/** Ingestion takes an API key with the ingest scope: a session, whatever its role, is not one. */
const ingest = (resource: string): MatrixRow => ({
  route: `POST /api/v1/${resource}`,
  sample: `/api/v1/${resource}`,
  kind: "api",
  access: { ...nobody, "key:ingest": "allowed" },
  // The matrix posts a form, not a batch: past authorization, the body is refused (400).
  statuses: {
    anonymous: 401,
    cs: 401,
    manager: 401,
    admin: 401,
    "key:ingest": 400,
    "key:read": 403,
    "key:cancel": 403,
  },
});

export const MATRIX: MatrixRow[] = [
  { route: "GET /", sample: "/", kind: "page", access: staff, allowedRedirect: "/overview" },
  // Signed-in users are sent on from the sign-in page to the overview.
  { route: "GET /sign-in", sample: "/sign-in", kind: "page", access: everyone, allowedRedirect: "/overview" },
  { route: "GET /overview", sample: "/overview", kind: "page", access: staff },
  { route: "GET /cohorts", sample: "/cohorts", kind: "page", access: staff },
  { route: "GET /reasons", sample: "/reasons", kind: "page", access: staff },
  { route: "GET /at-risk", sample: "/at-risk", kind: "page", access: staff },
  { route: "GET /accounts", sample: "/accounts", kind: "page", access: staff },
  { route: "GET /accounts/[externalId]", sample: "/accounts/{account}", kind: "page", access: staff },
  { route: "GET /admin", sample: "/admin", kind: "page", access: adminOnly },
  { route: "GET /admin/api-keys", sample: "/admin/api-keys", kind: "page", access: adminOnly },
  { route: "GET /admin/health", sample: "/admin/health", kind: "page", access: adminOnly },
  { route: "GET /admin/taxonomy", sample: "/admin/taxonomy", kind: "page", access: adminOnly },
  { route: "GET /admin/workbench", sample: "/admin/workbench", kind: "page", access: adminOnly },
  { route: "GET /admin/audit", sample: "/admin/audit", kind: "page", access: adminOnly },
  { route: "GET /admin/webhooks", sample: "/admin/webhooks", kind: "page", access: adminOnly },
  { route: "GET /admin/cancel-flow", sample: "/admin/cancel-flow", kind: "page", access: adminOnly },
  { route: "GET /api-docs", sample: "/api-docs", kind: "page", access: everyone },
  { route: "GET /docs/[name]", sample: "/docs/metrics", kind: "page", access: staff },
  // Everyone signed in changes their own password (and a pending one-time password opens only this).
  { route: "GET /account/password", sample: "/account/password", kind: "page", access: staff },
  { route: "GET /account/notifications", sample: "/account/notifications", kind: "page", access: staff },
  { route: "GET /notifications", sample: "/notifications", kind: "page", access: staff },
  { route: "GET /api/notifications", sample: "/api/notifications", kind: "api", access: staff, statuses: sessionOnly },
  { route: "GET /import", sample: "/import", kind: "page", access: managers },
  { route: "GET /alerts", sample: "/alerts", kind: "page", access: managers },
  // The matrix posts a form: refused before the body matters for cs; answered 415 (not JSON) for managers.
  {
    route: "POST /api/import/[kind]",
    sample: "/api/import/accounts",
    kind: "api",
    access: managers,
    statuses: { manager: 415, admin: 415, ...sessionOnly },
  },
  { route: "GET /api/v1/openapi.json", sample: "/api/v1/openapi.json", kind: "api", access: everyone },
  // Signature-verified, not signed in: without a configured secret it answers 503, never 2xx.
  {
    route: "POST /api/webhooks/stripe",
    sample: "/api/webhooks/stripe",
    kind: "api",
    access: nobody,
    statuses: {
      anonymous: 503,
      cs: 503,
      manager: 503,
      admin: 503,
      "key:ingest": 503,
      "key:read": 503,
      "key:cancel": 503,
    },
  },
  ingest("accounts"),
  ingest("contacts"),
  ingest("subscription-events"),
  ingest("activity"),
  ingest("signals"),
  ingest("cancellations"),
  { route: "GET /api/health", sample: "/api/health", kind: "api", access: everyone },
  { route: "GET /api/auth/[...nextauth]", sample: "/api/auth/session", kind: "api", access: everyone },
  { route: "POST /api/auth/[...nextauth]", sample: "/api/auth/callback/credentials", kind: "api", access: everyone },
  {
    route: "GET /api/v1/metrics/overview",
    sample: "/api/v1/metrics/overview",
    kind: "api",
    access: readApi,
    statuses: keyScope,
  },
  {
    route: "GET /api/v1/metrics/churn",
    sample: "/api/v1/metrics/churn",
    kind: "api",
    access: readApi,
    statuses: keyScope,
  },
  {
    route: "GET /api/v1/metrics/cohorts",
    sample: "/api/v1/metrics/cohorts",
    kind: "api",
    access: readApi,
    statuses: keyScope,
  },
  {
    route: "GET /api/v1/metrics/reasons",
    sample: "/api/v1/metrics/reasons",
    kind: "api",
    access: readApi,
    statuses: keyScope,
  },
  {
    route: "GET /api/v1/metrics/reasons/verbatims",
    sample: "/api/v1/metrics/reasons/verbatims",
    kind: "api",
    access: readApi,
    statuses: keyScope,
  },
  // Drill-through lists serve the charts: sessions only, so a key is not known there (401).
  {
    route: "GET /api/v1/metrics/drill",
    sample: "/api/v1/metrics/drill?figure=churned&month=2025-01",
    kind: "api",
    access: staff,
    statuses: sessionOnly,
  },
  {
    route: "GET /api/v1/accounts/[externalId]",
    sample: "/api/v1/accounts/{account}",
    kind: "api",
    access: readApi,
    statuses: keyScope,
  },
  // Cancel sessions are started with a cancel key only; the matrix posts a form, refused past
  // authorization as a body that is not JSON (400).
  {
    route: "POST /api/v1/cancel-sessions",
    sample: "/api/v1/cancel-sessions",
    kind: "api",
    access: { ...nobody, "key:cancel": "allowed" },
    statuses: {
      anonymous: 401,
      cs: 401,
      manager: 401,
      admin: 401,
      "key:ingest": 403,
      "key:read": 403,
      "key:cancel": 400,
    },
  },
  // Read back with a cancel or read key, or by staff like the read API.
  {
    route: "GET /api/v1/cancel-sessions/[id]",
    sample: "/api/v1/cancel-sessions/{session}",
    kind: "api",
    access: { ...readApi, "key:cancel": "allowed" },
    statuses: { "key:ingest": 403 },
  },
  // The customer's cancel page: no sign-in, the link's token is the only key, so everyone with it
  // is shown the step (an API key or a staff session changes nothing).
  { route: "GET /cancel/[token]", sample: "/cancel/{token}", kind: "page", access: everyone },
  // Its forms: the matrix's form is no step's, so every caller gets the step again with the refusal (422).
  {
    route: "POST /cancel/[token]",
    sample: "/cancel/{token}",
    kind: "page",
    access: everyone,
    statuses: {
      anonymous: 422,
      cs: 422,
      manager: 422,
      admin: 422,
      "key:ingest": 422,
      "key:read": 422,
      "key:cancel": 422,
    },
  },
];

/** Every page and route handler method under app/, as `METHOD /pattern`. */
export function discoverRoutes(appDir = "app"): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(full, isGroup ? segments : [...segments, entry.name]);
      } else if (/^page\.tsx?$/.test(entry.name)) {
        found.push(`GET /${segments.join("/")}`);
      } else if (/^route\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        const methods = new Set<string>();
        for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
          methods.add(m[1] ?? "");
        for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) {
          for (const name of (m[1] ?? "").split(","))
            if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name.trim())) methods.add(name.trim());
        }
        for (const method of methods) found.push(`${method} /${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return found.map((r) => r.replace(/ \/$/, " /")).sort();
}
