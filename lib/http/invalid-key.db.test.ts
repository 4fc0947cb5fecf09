// Invalid API keys through the real ingestion route handler: the audit log gets one entry per
// address per hour however many are sent, and an address sending many is answered 429.
import { and, desc, eq, like, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLog } from "@/db/schema";
import { setupTestDb } from "@/test/db";

const t = setupTestDb();

// The route module as it is, on this file's database; a bearer request never reads the session
// (whose next-auth import needs the Next server).
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => null }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDb: async () => t.db,
}));

const refusals = eq(auditLog.actorLabel, "invalid API key");
const auditRows = (ip: string) =>
  t.db.$count(auditLog, and(refusals, like(sql`${auditLog.after}->>'reason'`, `%${ip}%`)));

const attempt = (ip: string, i: number) =>
  new Request("http://localhost/api/v1/accounts", {
    method: "POST",
    headers: { authorization: `Bearer hf_made_up_${i}`, "x-holdfast-client-ip": ip, "x-forwarded-for": ip },
    body: "{}",
  });

describe("made-up API keys", () => {
  it("1,000 requests with made-up keys write at most 2 audit rows and are answered 429 after the first few", async () => {
    const { POST } = await import("@/app/api/v1/accounts/route");
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++)
      statuses.push((await POST(attempt("198.51.100.23", i), { params: Promise.resolve({}) })).status);
    expect(await auditRows("198.51.100.23")).toBeLessThanOrEqual(2);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(-100).every((s) => s === 429)).toBe(true);
  }, 120_000);
});

describe("the hourly counter of refused keys", () => {
  it("writes the hour's first refusal to the audit log with the count of the hour before", async () => {
    const { answerInvalidKey } = await import("@/lib/http/invalid-key");
    const ip = "203.0.113.77";
    const at = (h: number, m: number) => new Date(Date.UTC(2026, 10, 26, h, m));
    for (let m = 0; m < 37; m++) await answerInvalidKey(attempt(ip, m), t.db, at(10, m));
    const before = await auditRows(ip);
    const answer = await answerInvalidKey(attempt(ip, 99), t.db, at(11, 5));
    expect(answer.status).toBe(401);
    expect(await auditRows(ip)).toBe(before + 1);
    const [last] = await t.db
      .select({ reason: sql<string>`${auditLog.after}->>'reason'` })
      .from(auditLog)
      .where(refusals)
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(last?.reason).toContain("37 refused keys from this address in the hour since 10:00 UTC");
  });
});
