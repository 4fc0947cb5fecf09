// The words and statuses a person gets for each refusal of a triage write (e2e/triage.spec.ts sees
// some of them in the browser; the queries only name the reason).
import { describe, expect, it } from "vitest";
import { refusalWords } from "./refusal-words";

describe("refusalWords", () => {
  it("says who changed the item and when, with a 409 and the facts for a reload", () => {
    const changedAt = "2026-11-28T09:41:07.123Z";
    expect(refusalWords({ ok: false, reason: "changed", changedBy: "Morgan", changedAt }, "cs")).toEqual({
      status: 409,
      error:
        "Morgan changed this item at 09:41 UTC after you opened it. Reload to see their change; nothing of yours was saved.",
      details: { changedBy: "Morgan", changedAt },
    });
    expect(refusalWords({ ok: false, reason: "changed", changedBy: null, changedAt }, "cs").error).toMatch(
      /^Holdfast changed this item at 09:41 UTC/,
    );
  });

  it("refuses reopening beside another live item with a 409 that names no one", () => {
    const changedAt = "2026-11-28T09:41:07.123Z";
    expect(refusalWords({ ok: false, reason: "another-live-item", changedAt }, "manager")).toEqual({
      status: 409,
      error: "This account has another open item in the queue; work on that one.",
      details: { changedBy: null, changedAt },
    });
  });

  it.each([
    [{ ok: false, reason: "gone" } as const, 404, "This item is no longer in the queue."],
    [{ ok: false, reason: "other-account" } as const, 404, "This item belongs to another account."],
    [{ ok: false, reason: "no-account", externalId: "acme" } as const, 404, "No account with externalId acme."],
    [
      { ok: false, reason: "not-yours" } as const,
      403,
      "This item is assigned to someone else; as cs you can change only your own or unassigned items.",
    ],
    [
      { ok: false, reason: "assign-to-self-only" } as const,
      403,
      "You can assign items only to yourself; a manager can assign them to anyone.",
    ],
    [{ ok: false, reason: "assignee-unavailable" } as const, 403, "That user does not exist or is disabled."],
    [
      { ok: false, reason: "follow-up-theirs", assigneeName: "Max Manager" } as const,
      403,
      "This item is Max Manager’s: its follow-up is theirs to set. Log the outreach without one.",
    ],
  ])("words %o with %i", (refusal, status, error) => {
    expect(refusalWords(refusal, "cs")).toEqual({ status, error });
  });
});
