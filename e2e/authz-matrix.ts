// The authorization matrix: every page and route handler × who is asking → allowed or refused.
// The spec discovers routes from app/ and fails when one has no row here. Later routes add rows.
import fs from "node:fs";
import path from "node:path";

export type Identity = "anonymous" | "cs" | "manager" | "admin";
export type Verdict = "allowed" | "refused";

export interface MatrixRow {
  /** `METHOD /pattern`, as discovered from app/ (route groups removed). */
  route: string;
  /** A concrete URL to request; `{account}` is replaced by a real account's externalId. */
  sample: string;
  kind: "page" | "api";
  access: Record<Identity, Verdict>;
  /** Where an allowed page request is redirected, when it is a redirect (e.g. / → /overview). */
  allowedRedirect?: string;
}

const everyone: Record<Identity, Verdict> = { anonymous: "allowed", cs: "allowed", manager: "allowed", admin: "allowed" };
const staff: Record<Identity, Verdict> = { anonymous: "refused", cs: "allowed", manager: "allowed", admin: "allowed" };
const adminOnly: Record<Identity, Verdict> = { anonymous: "refused", cs: "refused", manager: "refused", admin: "allowed" };

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
  { route: "GET /api/health", sample: "/api/health", kind: "api", access: everyone },
  { route: "GET /api/auth/[...nextauth]", sample: "/api/auth/session", kind: "api", access: everyone },
  { route: "POST /api/auth/[...nextauth]", sample: "/api/auth/callback/credentials", kind: "api", access: everyone },
  { route: "GET /api/v1/metrics/overview", sample: "/api/v1/metrics/overview", kind: "api", access: staff },
  { route: "GET /api/v1/metrics/churn", sample: "/api/v1/metrics/churn", kind: "api", access: staff },
  { route: "GET /api/v1/metrics/cohorts", sample: "/api/v1/metrics/cohorts", kind: "api", access: staff },
  { route: "GET /api/v1/metrics/reasons", sample: "/api/v1/metrics/reasons", kind: "api", access: staff },
  { route: "GET /api/v1/metrics/drill", sample: "/api/v1/metrics/drill?figure=churned&month=2025-01", kind: "api", access: staff },
  { route: "GET /api/v1/accounts/[externalId]", sample: "/api/v1/accounts/{account}", kind: "api", access: staff },
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
        for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1] ?? "");
        for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) {
          for (const name of (m[1] ?? "").split(",")) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name.trim())) methods.add(name.trim());
        }
        for (const method of methods) found.push(`${method} /${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return found.map((r) => r.replace(/ \/$/, " /")).sort();
}
