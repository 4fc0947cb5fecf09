// The words and status of each cancel-flow refusal, exactly as the editor shows them.
import { describe, expect, it } from "vitest";
import { cancelFlowRefusal } from "./refusal-words";

describe("cancelFlowRefusal", () => {
  it("says who saved the newer version, with a 409 the notice offers to reload", () => {
    const at = new Date("2026-03-02T12:00:00.000Z");
    expect(cancelFlowRefusal({ reason: "changed", version: 4, changedBy: "Ada Admin", changedAt: at })).toEqual({
      status: 409,
      error:
        "Version 4 was saved by Ada Admin after you opened this flow. Reload to see it; your edits were not saved.",
      changedBy: "Ada Admin",
      changedAt: "2026-03-02T12:00:00.000Z",
    });
    expect(cancelFlowRefusal({ reason: "changed", version: 2, changedBy: null, changedAt: at }).error).toContain(
      "saved by someone else",
    );
  });

  it.each([
    [
      { reason: "gone", flowId: "cf_1" } as const,
      404,
      "There is no cancel flow cf_1: it may have been archived. Reload the list.",
    ],
    [
      { reason: "default", doing: "archive" } as const,
      409,
      "The default flow cannot be archived: it is used when no other flow matches.",
    ],
    [{ reason: "default", doing: "move" } as const, 409, "The default flow is always tried last: it cannot be moved."],
    [{ reason: "edge", direction: "up" } as const, 409, "The flow is already first in the order."],
    [{ reason: "edge", direction: "down" } as const, 409, "The flow is already last in the order."],
    [{ reason: "no-version", version: 7 } as const, 404, "This flow has no version 7."],
  ])("words %o", (refusal, status, error) => {
    expect(cancelFlowRefusal(refusal)).toMatchObject({ status, error });
  });

  it("names the field a refusal is about", () => {
    expect(cancelFlowRefusal({ reason: "default-targeted" })).toMatchObject({ status: 422, field: "targeting" });
    expect(cancelFlowRefusal({ reason: "unknown-account", accountExternalId: "acme" })).toEqual({
      status: 404,
      error: "There is no account acme.",
      field: "accountExternalId",
    });
  });
});
