// Sign-in limits under a burst: attempts sent at once are counted before any password is checked,
// so the per-address and per-IP allowances hold on PGlite's one connection and on a PostgreSQL pool.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/test/db";
import { SYSTEM_ACTOR } from "./audit";
import { signInWait } from "./rate-limits";
import { type CredentialCheck, type SignInOutcome, attemptSignIn } from "./sign-in";
import { createUser, verifyCredentials } from "./users";

const t = setupTestDb();

/** The real argon2 check, counted. */
function countingCheck(): { check: CredentialCheck; readonly calls: number } {
  let calls = 0;
  return {
    check: (db, email, password) => {
      calls++;
      return verifyCredentials(db, email, password);
    },
    get calls() {
      return calls;
    },
  };
}

const refused = (outcomes: SignInOutcome[]) => outcomes.filter((o) => !o.ok && o.reason === "rate_limited").length;

describe("a burst of sign-ins sent at once", () => {
  it("checks at most 5 of 60 wrong passwords for one address (each from its own IP)", async () => {
    const email = "burst.address@example.com";
    await createUser(t.db, { email, role: "cs", password: "the right password" }, SYSTEM_ACTOR);
    const counter = countingCheck();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        attemptSignIn(t.db, { ip: `198.51.100.${i + 1}`, email, password: `wrong guess ${i}` }, counter.check),
      ),
    );
    console.log(`${t.engine}: ${counter.calls} of 60 parallel wrong passwords for one address were checked`);
    expect(counter.calls).toBeLessThanOrEqual(5);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expect(refused(outcomes)).toBe(60 - counter.calls);
    expect(await signInWait(t.db, "192.0.2.200", email)).toBeGreaterThan(0);
  });

  it("checks at most 20 of 60 attempts from one IP on different addresses", async () => {
    const counter = countingCheck();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        attemptSignIn(
          t.db,
          { ip: "203.0.113.50", email: `nobody${i}@example.com`, password: "a guess" },
          counter.check,
        ),
      ),
    );
    console.log(`${t.engine}: ${counter.calls} of 60 parallel attempts from one IP were checked`);
    expect(counter.calls).toBeLessThanOrEqual(20);
    expect(refused(outcomes)).toBe(60 - counter.calls);
  });

  it("does not sign in with 29 wrong passwords and the right one sent last in one burst", async () => {
    const email = "burst.right@example.com";
    await createUser(t.db, { email, role: "cs", password: "the right password" }, SYSTEM_ACTOR);
    const counter = countingCheck();
    const passwords = [...Array.from({ length: 29 }, (_, i) => `wrong guess ${i}`), "the right password"];
    const outcomes = await Promise.all(
      passwords.map((password, i) =>
        attemptSignIn(t.db, { ip: `198.51.100.${100 + i}`, email, password }, counter.check),
      ),
    );
    console.log(`${t.engine}: ${counter.calls} of 30 parallel attempts (29 wrong, 1 right) were checked`);
    expect(outcomes.some((o) => o.ok)).toBe(false);
    expect(counter.calls).toBeLessThanOrEqual(5);
    expect(outcomes.at(-1)).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

describe("one attempt after another", () => {
  it("refuses the sixth wrong password without checking it, and the wait does not grow while refused", async () => {
    const email = "steady@example.com";
    await createUser(t.db, { email, role: "cs", password: "the right password" }, SYSTEM_ACTOR);
    const counter = countingCheck();
    for (let i = 0; i < 5; i++) {
      const outcome = await attemptSignIn(t.db, { ip: "192.0.2.10", email, password: `wrong ${i}` }, counter.check);
      expect(outcome).toEqual({ ok: false, reason: "invalid" });
    }
    const waitAfterFive = await signInWait(t.db, "192.0.2.10", email);
    expect(waitAfterFive).toBeGreaterThan(25);
    expect(waitAfterFive).toBeLessThanOrEqual(30);
    for (let i = 0; i < 10; i++) {
      const outcome = await attemptSignIn(
        t.db,
        { ip: "192.0.2.10", email, password: "the right password" },
        counter.check,
      );
      expect(outcome).toMatchObject({ ok: false, reason: "rate_limited" });
    }
    expect(counter.calls).toBe(5);
    expect(await signInWait(t.db, "192.0.2.10", email)).toBeLessThanOrEqual(30);
  });

  it("lets a right password in, clears the address, and does not count successes against the IP", async () => {
    const email = "often@example.com";
    await createUser(t.db, { email, role: "cs", password: "the right password" }, SYSTEM_ACTOR);
    for (let i = 0; i < 4; i++) await attemptSignIn(t.db, { ip: "192.0.2.20", email, password: `wrong ${i}` });
    // An office behind one address signs in all day: 30 successes never lock its IP.
    for (let i = 0; i < 30; i++) {
      const outcome = await attemptSignIn(t.db, { ip: "192.0.2.20", email, password: "the right password" });
      expect(outcome.ok, `sign-in ${i + 1}`).toBe(true);
    }
    expect(await signInWait(t.db, "192.0.2.20", "someone.else@example.com")).toBe(0);
    expect(await signInWait(t.db, "192.0.2.21", email)).toBe(0);
  });
});
