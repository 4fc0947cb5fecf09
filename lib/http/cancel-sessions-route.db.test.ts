// The cancel-sessions route handlers as Next runs them, on this file's database: the scopes they
// take (cancel to create; cancel or read to read back), the settings read from the environment,
// and a key without the scope refused 403 with nothing written.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { createApiKey } from "@/db/queries/api-keys";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import type { ApiScope } from "@/db/queries/api-keys";
import { cancelSessions } from "@/db/schema";
import { jsonAs, problemBody } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { makeAccounts, uniqueId } from "@/test/factories";

const t = setupTestDb();

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => null }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDb: async () => t.db,
}));
vi.stubEnv("PUBLIC_URL", "https://holdfast.example.com/");
vi.stubEnv("CANCEL_RETURN_ORIGINS", "https://app.example.com, http://127.0.0.1:3100");
vi.stubEnv("CANCEL_SESSION_MINUTES", "15");

async function bearer(scopes: ApiScope[]) {
  const made = await createApiKey(t.db, { name: uniqueId("route-key"), scopes }, SYSTEM_ACTOR);
  return { authorization: `Bearer ${made.key}` };
}

async function create(headers: Record<string, string>, body: unknown) {
  const { POST } = await import("@/app/api/v1/cancel-sessions/route");
  return POST(
    new Request("http://localhost/api/v1/cancel-sessions", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

async function read(headers: Record<string, string>, id: string) {
  const { GET } = await import("@/app/api/v1/cancel-sessions/[id]/route");
  return GET(new Request(`http://localhost/api/v1/cancel-sessions/${id}`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

const created = z.strictObject({ id: z.string(), url: z.string(), expiresAt: z.string() });

describe("the cancel-sessions routes", () => {
  it("create with a cancel key (settings from the environment) and read back with a cancel or read key", async () => {
    const [account = ""] = await makeAccounts(t.db, 1, "route");
    const before = Date.now();
    const response = await create(await bearer(["cancel"]), {
      accountExternalId: account,
      returnUrl: "https://app.example.com/settings/billing",
    });
    expect(response.status).toBe(201);
    const made = await jsonAs(response, created);
    // PUBLIC_URL's trailing slash is dropped; CANCEL_SESSION_MINUTES=15 sets the link's first-opening window.
    expect(made.url).toMatch(/^https:\/\/holdfast\.example\.com\/cancel\/[A-Za-z0-9_-]{32}$/);
    const window = new Date(made.expiresAt).getTime() - before;
    expect(window).toBeGreaterThanOrEqual(15 * 60_000);
    expect(window).toBeLessThan(16 * 60_000);
    for (const scopes of [["cancel"], ["read"], ["ingest", "read"]] satisfies ApiScope[][]) {
      const answer = await read(await bearer(scopes), made.id);
      expect({ scopes, status: answer.status }).toEqual({ scopes, status: 200 });
      expect(await answer.json()).toMatchObject({ id: made.id, accountExternalId: account, status: "open" });
    }
  });

  it("refuses keys without the scope with 403 and writes nothing; no key at all is 401", async () => {
    const [account = ""] = await makeAccounts(t.db, 1, "route");
    const body = { accountExternalId: account, returnUrl: "https://app.example.com/" };
    for (const scopes of [["ingest"], ["read"], ["ingest", "read"]] satisfies ApiScope[][]) {
      const answer = await create(await bearer(scopes), body);
      expect({ scopes, status: answer.status }).toEqual({ scopes, status: 403 });
      expect((await jsonAs(answer, problemBody.partial({ errors: true }))).detail).toContain("cancel scope");
    }
    expect((await create({}, body)).status).toBe(401);
    const [accountRow] = await t.db.select().from(cancelSessions).where(eq(cancelSessions.accountId, account));
    expect(accountRow).toBeUndefined();
    const made = await jsonAs(await create(await bearer(["cancel"]), body), created);
    const refused = await read(await bearer(["ingest"]), made.id);
    expect(refused.status).toBe(403);
    expect((await jsonAs(refused, problemBody.partial({ errors: true }))).detail).toContain("cancel or read scope");
    expect((await read({}, made.id)).status).toBe(401);
  });
});
