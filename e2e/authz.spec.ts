// Runs the authorization matrix against the server: every row × every identity, plus a forged
// session cookie that gets past the proxy's cookie check and must still be refused by the server.
import { type APIRequestContext, type Browser, expect, request as playwrightRequest, test } from "@playwright/test";
import { generatePreset } from "@/db/seed/presets";
import { e2eAnchor, e2eBaseUrl } from "./env";
import { IDENTITIES, type Identity, MATRIX, type MatrixRow, discoverRoutes } from "./authz-matrix";
import { createApiKey, unique } from "./fixtures";
import { storageState } from "./users";

const account = generatePreset("demo", 1, e2eAnchor()).accounts[0]?.externalId ?? "missing";

test("every page and route handler has a row in the matrix", () => {
  const rows = MATRIX.map((r) => r.route).sort();
  expect(discoverRoutes()).toEqual(rows);
});

const keys: Partial<Record<Identity, string>> = {};

/** Makes an API key with one scope in the admin UI (as a user of Holdfast would). */
async function makeKey(browser: Browser, scope: "ingest" | "read"): Promise<string> {
  const context = await browser.newContext({ storageState: storageState("admin") });
  const key = await createApiKey(await context.newPage(), `matrix ${scope} ${unique()}`, [scope]);
  await context.close();
  return key;
}

test.beforeAll(async ({ browser }) => {
  keys["key:ingest"] = await makeKey(browser, "ingest");
  keys["key:read"] = await makeKey(browser, "read");
});

async function contextFor(identity: Identity | "forged"): Promise<APIRequestContext> {
  const base = { baseURL: e2eBaseUrl(), maxRedirects: 0 };
  if (identity === "anonymous") return playwrightRequest.newContext(base);
  const key = keys[identity as Identity];
  if (identity === "key:ingest" || identity === "key:read") {
    return playwrightRequest.newContext({ ...base, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  }
  if (identity === "forged") {
    return playwrightRequest.newContext({
      ...base,
      extraHTTPHeaders: { cookie: "authjs.session-token=forged.not-a-real-token" },
    });
  }
  return playwrightRequest.newContext({ ...base, storageState: storageState(identity) });
}

async function call(ctx: APIRequestContext, row: MatrixRow) {
  const url = row.sample.replace("{account}", encodeURIComponent(account));
  const method = row.route.split(" ")[0];
  return method === "POST" ? ctx.post(url, { form: { email: "nobody@example.com", password: "x" } }) : ctx.get(url);
}

function expectVerdict(row: MatrixRow, identity: Identity, status: number, location: string | undefined) {
  const label = `${row.route} as ${identity}: ${status} ${location ?? ""}`;
  const exact = row.statuses?.[identity];
  if (exact !== undefined) {
    expect(status, label).toBe(exact);
    return;
  }
  const verdict = row.access[identity];
  // An API key is no session: pages treat its bearer like an anonymous visitor.
  const visitor = identity === "anonymous" || identity.startsWith("key:");
  if (row.kind === "page") {
    if (verdict === "allowed") {
      if (row.allowedRedirect && !visitor) {
        expect([307, 308], label).toContain(status);
        expect(location, label).toContain(row.allowedRedirect);
      } else {
        expect(status, label).toBe(200);
      }
    } else if (visitor) {
      expect([303, 307, 308], label).toContain(status);
      expect(location, label).toContain("/sign-in");
    } else {
      expect(status, label).toBe(403);
    }
  } else if (verdict === "allowed") {
    expect(status, label).toBeLessThan(400);
  } else {
    expect(status, label).toBe(identity === "anonymous" ? 401 : 403);
  }
}

test("the matrix covers every row for every principal", () => {
  // Rows × principals, as reported with the security issue.
  console.log(
    `authorization matrix: ${MATRIX.length} routes × ${IDENTITIES.length} principals = ${MATRIX.length * IDENTITIES.length} checks`,
  );
  for (const row of MATRIX) expect(Object.keys(row.access).sort(), row.route).toEqual([...IDENTITIES].sort());
});

for (const identity of IDENTITIES) {
  test(`matrix as ${identity}`, async () => {
    const ctx = await contextFor(identity);
    for (const row of MATRIX) {
      const response = await call(ctx, row);
      expectVerdict(row, identity, response.status(), response.headers().location);
    }
    await ctx.dispose();
  });
}

test("a forged session cookie passes the proxy but not the server", async () => {
  const ctx = await contextFor("forged");
  // "/" only redirects to /overview, which is itself a row.
  for (const row of MATRIX.filter((r) => r.access.anonymous === "refused" && !r.allowedRedirect)) {
    const response = await call(ctx, row);
    const status = response.status();
    if (row.statuses?.anonymous !== undefined) {
      expect(status, row.route).toBe(row.statuses.anonymous);
    } else if (row.kind === "page") {
      // requireUser redirects to sign-in itself (the proxy let the request through).
      expect([303, 307, 308], row.route).toContain(status);
      expect(response.headers().location, row.route).toContain("/sign-in");
    } else {
      expect(status, row.route).toBe(401);
    }
  }
  await ctx.dispose();
});
