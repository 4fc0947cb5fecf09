// Rate limits and the append-only audit log, on a real database.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { SYSTEM_ACTOR, recordAudit } from "./audit";
import { claimSignInAttempt, hitWindow, signInSucceeded, signInWait } from "./rate-limits";

const t = setupTestDb();
const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, s));

describe("a fixed window per key", () => {
  it("refuses the request over the limit until the window ends, then counts afresh", async () => {
    expect(await hitWindow(t.db, "apikey:k", 2, 60, at(0))).toEqual({ allowed: true, retryAfter: 0 });
    expect(await hitWindow(t.db, "apikey:k", 2, 60, at(10))).toEqual({ allowed: true, retryAfter: 0 });
    // The window opened at :00 and ends at 1:00; at :15 there are 45 s left.
    expect(await hitWindow(t.db, "apikey:k", 2, 60, at(15))).toEqual({ allowed: false, retryAfter: 45 });
    expect(await hitWindow(t.db, "apikey:other", 2, 60, at(15))).toEqual({ allowed: true, retryAfter: 0 });
    expect(await hitWindow(t.db, "apikey:k", 2, 60, at(60))).toEqual({ allowed: true, retryAfter: 0 });
  });
});

describe("sign-in backoff", () => {
  it("lets five failures pass, then doubles the wait with each further one", async () => {
    const ip = "203.0.113.7";
    // Each attempt is claimed before its password is checked; a wrong one leaves its count standing.
    for (let i = 0; i < 4; i++) expect(await claimSignInAttempt(t.db, ip, "Sam@Example.com", at(i))).toBe(0);
    expect(await signInWait(t.db, ip, "sam@example.com", at(4))).toBe(0);
    expect(await claimSignInAttempt(t.db, ip, "sam@example.com", at(5))).toBe(0); // the fifth: 30 s from :05
    expect(await signInWait(t.db, ip, "sam@example.com", at(6))).toBe(29);
    expect(await signInWait(t.db, "198.51.100.1", "sam@example.com", at(6))).toBe(29); // by address, from any IP
    expect(await signInWait(t.db, ip, "other@example.com", at(6))).toBe(0); // the IP has 5 of its 20
    // While the wait lasts an attempt is refused and counts nothing.
    expect(await claimSignInAttempt(t.db, ip, "sam@example.com", at(20))).toBe(15);
    expect(await claimSignInAttempt(t.db, ip, "sam@example.com", at(40))).toBe(0); // the sixth: 60 s from :40
    expect(await signInWait(t.db, ip, "sam@example.com", at(40))).toBe(60);
    // The right password: the address starts afresh; the IP gets its count back (6 → 5 of its 20).
    await signInSucceeded(t.db, ip, "sam@example.com");
    expect(await signInWait(t.db, ip, "sam@example.com", at(41))).toBe(0);
  });

  it("counts failures per IP across addresses", async () => {
    const ip = "192.0.2.9";
    for (let i = 0; i < 20; i++) expect(await claimSignInAttempt(t.db, ip, `user${i}@example.com`, at(i))).toBe(0);
    expect(await signInWait(t.db, ip, "new@example.com", at(20))).toBe(29);
  });
});

describe("the audit log", () => {
  it("refuses UPDATE and DELETE in the database itself", async () => {
    await recordAudit(t.db, SYSTEM_ACTOR, { action: "test.entry", entityType: "test", entityId: "1" });
    const refusal = (statement: Promise<unknown>) =>
      statement.then(
        () => "done",
        (e: { message: string; cause?: { message?: string } }) => e.cause?.message ?? e.message,
      );
    const ofTest = eq(auditLog.entityType, "test");
    expect(await refusal(t.db.update(auditLog).set({ action: "tampered" }).where(ofTest))).toMatch(
      /audit_log is append-only: UPDATE refused/,
    );
    expect(await refusal(t.db.delete(auditLog).where(ofTest))).toMatch(/audit_log is append-only: DELETE refused/);
    const rows = await t.db.select({ action: auditLog.action }).from(auditLog).where(ofTest);
    expect(rows).toEqual([{ action: "test.entry" }]);
  });
});
