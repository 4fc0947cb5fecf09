// The words and status of each refused user or password write, as the admin page and the
// change-password form show them.
import {
  DuplicateEmailError,
  LastAdminError,
  NoSuchUserError,
  SamePasswordError,
  TooManyAttemptsError,
  type UserWriteError,
  WrongPasswordError,
} from "@/db/queries/user-errors";

export interface UserRefusal {
  status: 404 | 422 | 429;
  error: string;
  field?: string;
}

const inTime = (wait: number) => (wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`);

/** A refused write's answer; null for an error that is not a refusal (it stays an error). */
export function userRefusal(error: unknown): UserRefusal | null {
  if (!isUserWriteError(error)) return null;
  switch (error.code) {
    case "no_such_user":
      return { status: 404, error: `There is no user ${error.user}.` };
    case "wrong_password":
      return { status: 422, error: "The current password is not right.", field: error.field };
    case "same_password":
      return { status: 422, error: "Choose a new password different from the current one.", field: error.field };
    case "too_many_attempts":
      return { status: 429, error: `Too many wrong passwords. Try again in ${inTime(error.wait)}.` };
    case "duplicate_email":
      return { status: 422, error: `email: a user with the address ${error.email} already exists` };
    case "last_admin":
      return { status: 422, error: "This is the last active admin: make another user admin first." };
  }
}

function isUserWriteError(error: unknown): error is UserWriteError {
  return [
    NoSuchUserError,
    WrongPasswordError,
    SamePasswordError,
    TooManyAttemptsError,
    DuplicateEmailError,
    LastAdminError,
  ].some((kind) => error instanceof kind);
}
