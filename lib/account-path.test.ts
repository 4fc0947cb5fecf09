import { describe, expect, it } from "vitest";
import { accountPath } from "./account-path";

describe("accountPath", () => {
  it("keeps an external id one path segment, whatever it holds", () => {
    expect(accountPath("cus_123")).toBe("/accounts/cus_123");
    expect(accountPath("a/b c?d#e")).toBe("/accounts/a%2Fb%20c%3Fd%23e");
    expect(accountPath("Ærø")).toBe("/accounts/%C3%86r%C3%B8");
  });
});
