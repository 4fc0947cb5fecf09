// One sign-in attempt with e-mail and password, as the Auth.js credentials provider makes it: the
// attempt is counted against the address and the IP first (atomically), then the password is
// checked; a failure is written to the audit log, a success clears the address's count.
import type { Db } from "@/db/client";
import { recordAudit } from "./audit";
import { claimSignInAttempt, signInSucceeded } from "./rate-limits";
import type { SignedInUser } from "@/lib/types/session";
import { verifyCredentials } from "./users";

export type SignInOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "rate_limited"; wait: number }
  | { ok: false; reason: "invalid" };

/** Checks a password (argon2): passed in so tests can count the checks. */
export type CredentialCheck = (db: Db, email: string, password: string) => Promise<SignedInUser | null>;

export async function attemptSignIn(
  db: Db,
  input: { ip: string; email: string; password: string },
  check: CredentialCheck = verifyCredentials,
): Promise<SignInOutcome> {
  const { ip, email, password } = input;
  // Counted before the check: of attempts sent at once, only those within the allowance get here.
  const wait = await claimSignInAttempt(db, ip, email);
  if (wait > 0) return { ok: false, reason: "rate_limited", wait };
  const user = await check(db, email, password);
  if (!user) {
    await recordAudit(
      db,
      { type: "anonymous", id: null, label: email },
      { action: "auth.sign_in_failed", entityType: "user", entityId: email, after: { ip } },
    );
    return { ok: false, reason: "invalid" };
  }
  await signInSucceeded(db, ip, email);
  return { ok: true, user };
}
