// The words a refused user or password write is answered with: the admin page and the change-password form show them.
import { describe, expect, it } from "vitest";
import {
  DuplicateEmailError,
  LastAdminError,
  NoSuchUserError,
  SamePasswordError,
  TooManyAttemptsError,
  WrongPasswordError,
} from "@/db/queries/user-errors";
import { userRefusal } from "./user-refusals";

describe("user refusals", () => {
  it("words each refused write with its status and field", () => {
    expect(userRefusal(new NoSuchUserError("usr_x"))).toEqual({ status: 404, error: "There is no user usr_x." });
    expect(userRefusal(new WrongPasswordError())).toEqual({
      status: 422,
      error: "The current password is not right.",
      field: "currentPassword",
    });
    expect(userRefusal(new SamePasswordError())).toEqual({
      status: 422,
      error: "Choose a new password different from the current one.",
      field: "newPassword",
    });
    expect(userRefusal(new DuplicateEmailError("sam@example.com"))).toEqual({
      status: 422,
      error: "email: a user with the address sam@example.com already exists",
    });
    expect(userRefusal(new LastAdminError())).toEqual({
      status: 422,
      error: "This is the last active admin: make another user admin first.",
    });
  });

  it("says the wait in seconds below 90, else in whole minutes rounded up", () => {
    expect(userRefusal(new TooManyAttemptsError(30))?.error).toBe("Too many wrong passwords. Try again in 30 seconds.");
    expect(userRefusal(new TooManyAttemptsError(89))?.error).toBe("Too many wrong passwords. Try again in 89 seconds.");
    expect(userRefusal(new TooManyAttemptsError(90))?.error).toBe("Too many wrong passwords. Try again in 2 minutes.");
    expect(userRefusal(new TooManyAttemptsError(429))?.status).toBe(429);
  });

  it("leaves any other error to be thrown", () => {
    expect(userRefusal(new Error("connection lost"))).toBeNull();
    expect(userRefusal("not an error")).toBeNull();
  });
});
