// The cookie-authenticated import route, through its real handler on this file's database: a write
// from another site (a text/plain form post, a foreign or null Origin) is refused and plants nothing.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { accounts } from "@/db/schema";
import { setupTestDb } from "@/test/db";

const t = setupTestDb();

// The signed-in manager stands for the session cookie (next-auth needs the Next server); the route,
// its gate and the database are the real ones.
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => ({
    id: "manager-1",
    email: "manager@example.com",
    name: "Manager",
    role: "manager",
    mustChangePassword: false,
  }),
}));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDb: async () => t.db,
}));

const planted = (externalId: string) => t.db.$count(accounts, eq(accounts.externalId, externalId));

function post(externalId: string, headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1:3000/api/import/accounts", {
    method: "POST",
    headers: { host: "127.0.0.1:3000", ...headers },
    body: JSON.stringify({ items: [{ externalId, name: "Planted", plan: "pro", segment: "smb" }] }),
  });
}

describe("POST /api/import/[kind] with a session cookie", () => {
  const context = { params: Promise.resolve({ kind: "accounts" }) };

  it("refuses a text/plain post from a same-site page, a foreign Origin, a null Origin and no Origin at all", async () => {
    const { POST } = await import("@/app/api/import/[kind]/route");
    const attempts: Record<string, string>[] = [
      { "content-type": "text/plain", origin: "http://evil.127.0.0.1.nip.io:3000", "sec-fetch-site": "same-site" },
      { "content-type": "application/json", origin: "https://evil.example" },
      { "content-type": "application/json", origin: "null" },
      { "content-type": "text/plain" },
      { "content-type": "text/plain", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" },
    ];
    for (const [i, headers] of attempts.entries()) {
      const response = await POST(post(`csrf-${i}`, headers), context);
      expect([403, 415], JSON.stringify(headers)).toContain(response.status);
      expect(await planted(`csrf-${i}`), JSON.stringify(headers)).toBe(0);
    }
  });

  it("accepts JSON from its own origin", async () => {
    const { POST } = await import("@/app/api/import/[kind]/route");
    const response = await POST(
      post("same-origin-1", {
        "content-type": "application/json",
        origin: "http://127.0.0.1:3000",
        "sec-fetch-site": "same-origin",
      }),
      context,
    );
    expect(response.status).toBe(200);
    expect(await planted("same-origin-1")).toBe(1);
  });
});
