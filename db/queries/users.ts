// Staff users: creation, sign-in lookup, and the per-request re-read that makes role changes immediate.
import { createId } from "@paralleldrive/cuid2";
import { hash, verify } from "@node-rs/argon2";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor, SessionUser, SignedInUser } from "@/lib/types/session";
import type { Role } from "@/lib/values";
import type { CreateUserInput, UserRow } from "@/lib/types/users";
import { recordAudit } from "./audit";
import { emailIs, nextSessionVersion } from "./user-match";
import { DuplicateEmailError, LastAdminError, NoSuchUserError } from "./user-errors";

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role };
const sessionColumns = {
  ...publicColumns,
  mustChangePassword: users.mustChangePassword,
  sessionVersion: users.sessionVersion,
};

/**
 * The user behind a session token, re-read on every request: null for a disabled user (signed out
 * at once) and for a token whose session version has been raised since it was issued (sign-out, a
 * password change or reset, disabling); a changed role applies to the very next request.
 */
export async function loadSession(db: Db, userId: string, sessionVersion: number): Promise<SignedInUser | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), eq(users.sessionVersion, sessionVersion)))
    .limit(1);
  return row ?? null;
}

/** Checks a password; the same work is done for unknown e-mails so timing does not reveal them. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<SignedInUser | null> {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(emailIs(email))
    .limit(1);
  const ok = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!row || !ok || !row.active) return null;
  const { passwordHash: _hash, active: _active, ...user } = row;
  return user;
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$QTrKJUnkMD71njpE5BWa8Q$O5bHw6JNks2Sq5N/sGcG6ZqYw1Ganb3WxnL/1qXc/C8";

/**
 * A new staff user. `mustChangePassword` when the password is a one-time one someone else chose (the
 * admin page); an operator's own choice on the command line is kept as it is.
 */
export async function createUser(
  db: Db,
  input: CreateUserInput,
  actor: Actor,
  options: { mustChangePassword?: boolean } = {},
): Promise<SessionUser> {
  const passwordHash = await hash(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(emailIs(input.email));
    if (existing) throw new DuplicateEmailError(input.email);
    const name = input.name ?? input.email.split("@")[0] ?? input.email;
    const [row] = await tx
      .insert(users)
      .values({
        id: createId(),
        email: input.email,
        name,
        role: input.role,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? false,
      })
      .returning(publicColumns);
    if (!row) throw new Error("The user was not created.");
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: row.id, after: row });
    return row;
  });
}

export async function listUsers(db: Db): Promise<UserRow<Date>[]> {
  return db
    .select({
      ...publicColumns,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name));
}

/**
 * Refuses a change that would leave no active admin. The active admins' rows are locked first, so
 * two admins demoting each other at once cannot both succeed.
 */
async function guardLastAdmin(tx: Db, userId: string, staysAdmin: boolean): Promise<void> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for("update");
  if (!staysAdmin && admins.length === 1 && admins[0]?.id === userId) throw new LastAdminError();
}

export async function setUserRole(db: Db, userId: string, role: Role, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select(publicColumns).from(users).where(eq(users.id, userId));
    if (!before) throw new NoSuchUserError(userId);
    await guardLastAdmin(tx, userId, role === "admin");
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, actor, {
      action: "user.role",
      entityType: "user",
      entityId: userId,
      before,
      after: { ...before, role },
    });
  });
}

export async function setUserActive(db: Db, userId: string, active: boolean, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ ...publicColumns, active: users.active })
      .from(users)
      .where(eq(users.id, userId));
    if (!before) throw new NoSuchUserError(userId);
    await guardLastAdmin(tx, userId, active || before.role !== "admin");
    // Disabling also ends every session the user holds, so enabling them again does not revive one.
    await tx
      .update(users)
      .set({ active, updatedAt: new Date(), ...(active ? {} : { sessionVersion: nextSessionVersion() }) })
      .where(eq(users.id, userId));
    await recordAudit(tx, actor, {
      action: active ? "user.enable" : "user.disable",
      entityType: "user",
      entityId: userId,
      before,
      after: { ...before, active },
    });
  });
}
