import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { uniqueId } from "@/test/factories";
import { SYSTEM_ACTOR } from "./audit";
import { DuplicateEmailError } from "./user-errors";
import { createUser, loadSession, setUserActive, setUserRole, verifyCredentials } from "./users";

const t = setupTestDb();

/** A manager with a mixed-case address, as typed, created the way the admin page creates users. */
async function createDana(local: string) {
  return createUser(
    t.db,
    { email: `${local}@Example.com`.toLowerCase(), role: "manager", password: "correct horse battery" },
    SYSTEM_ACTOR,
  );
}

describe("staff users", () => {
  it("stores an argon2id hash, never the password, and audits the creation", async () => {
    const user = await createDana(uniqueId("Dana"));
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain("correct horse");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.map((a) => a.action)).toEqual(["user.create"]);
  });

  it("verifies credentials case-insensitively on the e-mail and rejects a wrong password", async () => {
    const local = uniqueId("Dana");
    await createDana(local);
    expect(await verifyCredentials(t.db, `${local.toUpperCase()}@example.com`, "correct horse battery")).toMatchObject({
      role: "manager",
    });
    expect(await verifyCredentials(t.db, `${local.toLowerCase()}@example.com`, "wrong password")).toBeNull();
    expect(await verifyCredentials(t.db, "nobody@example.com", "correct horse battery")).toBeNull();
  });

  it("refuses a second user with the same e-mail, naming the field", async () => {
    const { email } = await createDana(uniqueId("Dana"));
    await expect(createUser(t.db, { email, role: "cs", password: "another password" }, SYSTEM_ACTOR)).rejects.toThrow(
      DuplicateEmailError,
    );
    await expect(createUser(t.db, { email, role: "cs", password: "another password" }, SYSTEM_ACTOR)).rejects.toThrow(
      /^email:/,
    );
  });

  it("applies a role change and a disable on the very next session read", async () => {
    const email = `${uniqueId("sam")}@example.com`;
    const user = await createUser(t.db, { email, role: "manager", password: "sam's password" }, SYSTEM_ACTOR);
    // The session token holds only the id and its session version; each request re-reads the row.
    expect((await loadSession(t.db, user.id, 0))?.role).toBe("manager");
    await setUserRole(t.db, user.id, "cs", SYSTEM_ACTOR);
    expect((await loadSession(t.db, user.id, 0))?.role).toBe("cs");
    await setUserActive(t.db, user.id, false, SYSTEM_ACTOR);
    expect(await loadSession(t.db, user.id, 0)).toBeNull();
    // Disabling ended the session; and the user is refused even with the version as it is now.
    const [row] = await t.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(row?.sessionVersion).toBe(1);
    expect(await loadSession(t.db, user.id, 1)).toBeNull();
    // A disabled user cannot sign in again either.
    expect(await verifyCredentials(t.db, email, "sam's password")).toBeNull();
    // Enabled again, a new sign-in (a token of the new version) works; the old session stays ended.
    await setUserActive(t.db, user.id, true, SYSTEM_ACTOR);
    expect((await loadSession(t.db, user.id, 1))?.role).toBe("cs");
    expect(await loadSession(t.db, user.id, 0)).toBeNull();
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).map((a) => a.action);
    expect(actions).toEqual(["user.create", "user.role", "user.disable", "user.enable"]);
  });
});
