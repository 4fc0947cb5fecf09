// Sessions end when the session version rises (sign-out, a password change, a reset, disabling), and
// passwords people control: their own change, an admin's reset to a one-time password, all audited.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { SYSTEM_ACTOR } from "./audit";
import { changeOwnPassword, endSessions, findUserId, resetPassword } from "./passwords";
import { NoSuchUserError, SamePasswordError, TooManyAttemptsError, WrongPasswordError } from "./user-errors";
import { createUser, loadSession, setUserActive, verifyCredentials } from "./users";

const t = setupTestDb();

async function newUser(email: string, password = "first password 1", mustChangePassword = false) {
  const user = await createUser(t.db, { email, role: "cs", password }, SYSTEM_ACTOR, { mustChangePassword });
  const signedIn = await verifyCredentials(t.db, email, password);
  if (!signedIn) throw new Error("the new user cannot sign in");
  return { ...user, mustChangePassword: signedIn.mustChangePassword, version: signedIn.sessionVersion };
}

const actions = async (userId: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.entityId, userId))).map((a) => a.action);

describe("session versions", () => {
  it("signing out raises the version: the old token's version no longer loads, a new sign-in does", async () => {
    const user = await newUser("leaver@example.com");
    expect(await loadSession(t.db, user.id, user.version)).toMatchObject({ email: "leaver@example.com" });
    expect(await endSessions(t.db, user.id, user.version, SYSTEM_ACTOR)).toBe(true);
    expect(await loadSession(t.db, user.id, user.version)).toBeNull();
    // An old copy signing out again ends nothing more (and writes nothing).
    expect(await endSessions(t.db, user.id, user.version, SYSTEM_ACTOR)).toBe(false);
    const again = await verifyCredentials(t.db, "leaver@example.com", "first password 1");
    expect(again?.sessionVersion).toBe(user.version + 1);
    expect(await loadSession(t.db, user.id, user.version + 1)).not.toBeNull();
    expect(await actions(user.id)).toEqual(["user.create", "auth.sign_out"]);
  });

  it("disabling ends every session, and enabling again does not bring them back", async () => {
    const user = await newUser("paused@example.com");
    await setUserActive(t.db, user.id, false, SYSTEM_ACTOR);
    await setUserActive(t.db, user.id, true, SYSTEM_ACTOR);
    expect(await loadSession(t.db, user.id, user.version)).toBeNull();
  });
});

describe("changing one's own password", () => {
  it("needs the current password, ends every session, and clears the one-time flag", async () => {
    const user = await newUser("changer@example.com", "one-time pass 1", true);
    expect((await loadSession(t.db, user.id, user.version))?.mustChangePassword).toBe(true);
    const input = {
      userId: user.id,
      ip: "192.0.2.1",
      currentPassword: "one-time pass 1",
      newPassword: "my own passphrase",
    };
    await expect(changeOwnPassword(t.db, { ...input, currentPassword: "a guess" }, SYSTEM_ACTOR)).rejects.toThrow(
      WrongPasswordError,
    );
    await expect(changeOwnPassword(t.db, { ...input, newPassword: "one-time pass 1" }, SYSTEM_ACTOR)).rejects.toThrow(
      SamePasswordError,
    );
    const { sessionVersion } = await changeOwnPassword(t.db, input, SYSTEM_ACTOR);
    expect(sessionVersion).toBe(user.version + 1);
    expect(await loadSession(t.db, user.id, user.version)).toBeNull();
    expect(await loadSession(t.db, user.id, sessionVersion)).toMatchObject({ mustChangePassword: false });
    expect(await verifyCredentials(t.db, "changer@example.com", "one-time pass 1")).toBeNull();
    expect(await verifyCredentials(t.db, "changer@example.com", "my own passphrase")).not.toBeNull();
    expect(await actions(user.id)).toEqual(["user.create", "user.password_change_failed", "user.password_change"]);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.password_change"));
    expect(JSON.stringify(row)).not.toContain("my own passphrase");
  });

  it("counts wrong current passwords like failed sign-ins: the sixth is not even checked", async () => {
    const user = await newUser("guessed@example.com");
    const input = { userId: user.id, ip: "192.0.2.2", newPassword: "the thief's passphrase" };
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(t.db, { ...input, currentPassword: `guess ${i}` }, SYSTEM_ACTOR)).rejects.toThrow(
        WrongPasswordError,
      );
    }
    await expect(
      changeOwnPassword(t.db, { ...input, currentPassword: "first password 1" }, SYSTEM_ACTOR),
    ).rejects.toThrow(TooManyAttemptsError);
    expect(await verifyCredentials(t.db, "guessed@example.com", "first password 1")).not.toBeNull();
  });
});

describe("an admin's reset", () => {
  it("sets a one-time password shown once, ends every session, and asks for a change", async () => {
    const user = await newUser("forgot@example.com");
    const admin = { type: "user" as const, id: "usr_admin", label: "admin@example.com" };
    const { email, password } = await resetPassword(t.db, user.id, admin);
    expect(email).toBe("forgot@example.com");
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await loadSession(t.db, user.id, user.version)).toBeNull();
    expect(await verifyCredentials(t.db, email, "first password 1")).toBeNull();
    const signedIn = await verifyCredentials(t.db, email, password);
    expect(signedIn).toMatchObject({ mustChangePassword: true, sessionVersion: user.version + 1 });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.password_reset"));
    expect(entry).toMatchObject({ actorLabel: "admin@example.com", entityId: user.id });
    expect(JSON.stringify(entry)).not.toContain(password);
  });

  it("finds the user by e-mail in any case, and names a user that does not exist", async () => {
    const user = await newUser("cli.reset@example.com");
    expect(await findUserId(t.db, " CLI.Reset@Example.com ")).toBe(user.id);
    expect(await findUserId(t.db, "nobody@example.com")).toBeNull();
    await expect(resetPassword(t.db, "usr_missing", SYSTEM_ACTOR)).rejects.toThrow(NoSuchUserError);
  });

  it("a user made by the command line keeps the operator's password; one made by an admin must change it", async () => {
    const operator = await newUser("operator.made@example.com");
    const invited = await newUser("admin.made@example.com", "one-time pass 2", true);
    expect(operator.mustChangePassword).toBe(false);
    expect(invited.mustChangePassword).toBe(true);
  });
});
