// Runs the authorization matrix against the server: every row × every identity, plus a forged
// session cookie that gets past the proxy's cookie check and must still be refused by the server.
import { type APIRequestContext, type Browser, expect, request as playwrightRequest, test } from "@playwright/test";
import { z } from "zod";
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
/** The cancel session the `{session}` and `{token}` samples name, started with the cancel key. */
const cancelSession = { id: "missing", token: "missing" };

/** Makes an API key with one scope in the admin UI (as a user of Holdfast would). */
async function makeKey(browser: Browser, scope: "ingest" | "read" | "cancel"): Promise<string> {
  const context = await browser.newContext({ storageState: storageState("admin") });
  const key = await createApiKey(await context.newPage(), `matrix ${scope} ${unique()}`, [scope]);
  await context.close();
  return key;
}

test.beforeAll(async ({ browser }) => {
  keys["key:ingest"] = await makeKey(browser, "ingest");
  keys["key:read"] = await makeKey(browser, "read");
  keys["key:cancel"] = await makeKey(browser, "cancel");
  const api = await playwrightRequest.newContext({
    baseURL: e2eBaseUrl(),
    extraHTTPHeaders: { authorization: `Bearer ${keys["key:cancel"]}` },
  });
  const response = await api.post("/api/v1/cancel-sessions", {
    data: { accountExternalId: account, returnUrl: `${e2eBaseUrl()}/after-cancel` },
  });
  expect(response.status(), await response.text()).toBe(201);
  const made = z.object({ id: z.string(), url: z.string() }).parse(await response.json());
  cancelSession.id = made.id;
  cancelSession.token = made.url.split("/cancel/")[1] ?? "missing";
  // Opened now, the link works for 24 hours, however long the matrix takes to reach it (a link never
  // opened expires after the e2e server's CANCEL_SESSION_MINUTES).
  expect((await api.get(`/cancel/${cancelSession.token}`)).status()).toBe(200);
  await api.dispose();
});

async function contextFor(identity: Identity | "forged"): Promise<APIRequestContext> {
  const base = { baseURL: e2eBaseUrl(), maxRedirects: 0 };
  if (identity === "anonymous") return playwrightRequest.newContext(base);
  const key = keys[identity as Identity];
  if (identity === "key:ingest" || identity === "key:read" || identity === "key:cancel") {
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

const sampleUrl = (row: MatrixRow) =>
  row.sample
    .replace("{account}", encodeURIComponent(account))
    .replace("{session}", cancelSession.id)
    .replace("{token}", cancelSession.token);

async function call(ctx: APIRequestContext, row: MatrixRow) {
  const url = sampleUrl(row);
  const method = row.route.split(" ")[0];
  // A browser sends its page's Origin with every POST: the matrix does too (same origin).
  return method === "POST"
    ? ctx.post(url, { form: { email: "nobody@example.com", password: "x" }, headers: { origin: e2eBaseUrl() } })
    : ctx.get(url);
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

// Route handlers that write with a session cookie (every non-GET row a signed-in staff member may
// call, API-key-only and Auth.js routes aside) refuse a foreign or null Origin, and no Origin at all.
const cookieWrites = MATRIX.filter(
  (r) =>
    r.kind === "api" &&
    !r.route.startsWith("GET ") &&
    !r.route.includes("/api/auth/") &&
    (["cs", "manager", "admin"] as const).some((who) => r.access[who] === "allowed"),
);

test("a cookie write from another origin is refused on every such route, and the same origin passes", async () => {
  expect(cookieWrites.map((r) => r.route)).toContain("POST /api/import/[kind]");
  const ctx = await contextFor("admin");
  const body = JSON.stringify({ items: [] });
  for (const row of cookieWrites) {
    const url = sampleUrl(row);
    const send = (headers: Record<string, string>) =>
      ctx.post(url, { data: body, headers: { "content-type": "application/json", ...headers } });
    for (const origin of ["https://evil.example", "null"]) {
      expect((await send({ origin })).status(), `${row.route} from Origin ${origin}`).toBe(403);
      expect((await send({ origin, "sec-fetch-site": "cross-site" })).status(), row.route).toBe(403);
    }
    expect((await send({})).status(), `${row.route} without Origin`).toBe(403);
    expect((await send({ "sec-fetch-site": "same-site" })).status(), `${row.route} same-site`).toBe(403);
    // A same-site page's text/plain form, even when it names this origin.
    const plain = await ctx.post(url, { data: body, headers: { "content-type": "text/plain", origin: e2eBaseUrl() } });
    expect(plain.status(), `${row.route} text/plain`).toBe(415);
    // The control: JSON from this origin passes the check (an empty chunk is then 400, not 403).
    const own = await send({ origin: e2eBaseUrl(), "sec-fetch-site": "same-origin" });
    expect(own.status(), `${row.route} same origin`).not.toBe(403);
    expect(own.status(), `${row.route} same origin`).toBeLessThan(500);
    const bySite = await send({ "sec-fetch-site": "same-origin" });
    expect(bySite.status(), `${row.route} Sec-Fetch-Site same-origin`).not.toBe(403);
  }
  await ctx.dispose();
});
