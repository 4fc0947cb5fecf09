// Passwords people control, and ending sessions: a user changes their own password (with the
// current one), an admin or an operator resets one to a one-time password, and sign-out ends every
// session. Each raises the user's session version, which every session token must match.
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/types/session";
import { recordAudit } from "./audit";
import { claimSignInAttempt, signInSucceeded } from "./rate-limits";
import { emailIs, nextSessionVersion } from "./user-match";
import { NoSuchUserError, SamePasswordError, TooManyAttemptsError, WrongPasswordError } from "./user-errors";

/** A password for one sign-in only: 16 characters from 96 random bits. */
export function oneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Ends every session of a user whose token carries `sessionVersion` (sign-out). A token from an
 * older version ends nothing: it already works nowhere. Returns whether sessions were ended.
 */
export async function endSessions(db: Db, userId: string, sessionVersion: number, actor: Actor): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: nextSessionVersion() })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
    .returning({ email: users.email, sessionVersion: users.sessionVersion });
  if (!row) return false;
  await recordAudit(db, actor, {
    action: "auth.sign_out",
    entityType: "user",
    entityId: userId,
    before: { email: row.email, sessionVersion },
    after: { email: row.email, sessionVersion: row.sessionVersion },
  });
  return true;
}

/**
 * A signed-in user's own change, with their current password. Wrong current passwords count as
 * failed sign-ins of the address (a stolen session cannot guess it faster than the sign-in form).
 * Clears the one-time flag and ends every session; returns the new session version.
 */
export async function changeOwnPassword(
  db: Db,
  input: { userId: string; ip: string; currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<{ sessionVersion: number }> {
  const [row] = await db
    .select({
      email: users.email,
      passwordHash: users.passwordHash,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(users.active, true)));
  if (!row) throw new NoSuchUserError(input.userId);
  const wait = await claimSignInAttempt(db, input.ip, row.email);
  if (wait > 0) throw new TooManyAttemptsError(wait);
  if (!(await verify(row.passwordHash, input.currentPassword).catch(() => false))) {
    await recordAudit(db, actor, {
      action: "user.password_change_failed",
      entityType: "user",
      entityId: input.userId,
      after: { email: row.email, ip: input.ip },
    });
    throw new WrongPasswordError();
  }
  await signInSucceeded(db, input.ip, row.email);
  if (input.newPassword === input.currentPassword) throw new SamePasswordError();
  const passwordHash = await hash(input.newPassword);
  return db.transaction(async (tx) => {
    // Only over the password that was checked: a reset or change in between wins, and this one fails.
    const [changed] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: nextSessionVersion(),
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, input.userId), eq(users.passwordHash, row.passwordHash)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!changed) throw new WrongPasswordError();
    await recordAudit(tx, actor, {
      action: "user.password_change",
      entityType: "user",
      entityId: input.userId,
      before: { email: row.email, mustChangePassword: row.mustChangePassword, sessionVersion: row.sessionVersion },
      after: { email: row.email, mustChangePassword: false, sessionVersion: changed.sessionVersion },
    });
    return changed;
  });
}

/**
 * An admin's (or an operator's) reset: a one-time password, returned once and stored hashed, that
 * must be changed at the next sign-in; every session of the user ends.
 */
export async function resetPassword(
  db: Db,
  userId: string,
  actor: Actor,
): Promise<{ email: string; password: string }> {
  const password = oneTimePassword();
  const passwordHash = await hash(password);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        email: users.email,
        mustChangePassword: users.mustChangePassword,
        sessionVersion: users.sessionVersion,
      })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) throw new NoSuchUserError(userId);
    const [after] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        sessionVersion: nextSessionVersion(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning({
        email: users.email,
        mustChangePassword: users.mustChangePassword,
        sessionVersion: users.sessionVersion,
      });
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      entityType: "user",
      entityId: userId,
      before,
      after,
    });
    return { email: before.email, password };
  });
}

/** The id of the user with this e-mail (any case), or null. */
export async function findUserId(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(emailIs(email.trim()));
  return row?.id ?? null;
}
