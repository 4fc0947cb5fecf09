// Why a user or password write refused: each error carries a code and the fields it concerns; the
// actions (lib/auth/user-refusals.ts) word them for the person who asked.

export class NoSuchUserError extends Error {
  readonly code = "no_such_user";
  constructor(readonly user: string) {
    super(`no_such_user: ${user}`);
  }
}

export class WrongPasswordError extends Error {
  readonly code = "wrong_password";
  readonly field = "currentPassword";
  constructor() {
    super("wrong_password");
  }
}

export class SamePasswordError extends Error {
  readonly code = "same_password";
  readonly field = "newPassword";
  constructor() {
    super("same_password");
  }
}

export class TooManyAttemptsError extends Error {
  readonly code = "too_many_attempts";
  /** Seconds until the next attempt is allowed. */
  constructor(readonly wait: number) {
    super(`too_many_attempts: ${wait} s`);
  }
}

export class DuplicateEmailError extends Error {
  readonly code = "duplicate_email";
  constructor(readonly email: string) {
    // The command line (npm run user:create) prints the message as it is.
    super(`email: a user with the address ${email} already exists`);
  }
}

export class LastAdminError extends Error {
  readonly code = "last_admin";
  constructor() {
    super("last_admin");
  }
}

export type UserWriteError =
  | NoSuchUserError
  | WrongPasswordError
  | SamePasswordError
  | TooManyAttemptsError
  | DuplicateEmailError
  | LastAdminError;
