// The history's words for what a version changed: each field of the editor, reasons paired by code.
import { describe, expect, it } from "vitest";
import type { CancelFlowContent } from "@/lib/types/cancel-flow";
import { defaultFlowContent } from "./defaults";
import { type FlowSnapshot, describeFlowChanges, offerWords, quote } from "./diff";

const snapshot = (over: Partial<FlowSnapshot> = {}, content: Partial<CancelFlowContent> = {}): FlowSnapshot => ({
  name: "Default flow",
  targeting: { segments: [], plans: [], locales: [] },
  content: { ...defaultFlowContent("Lumen"), ...content },
  ...over,
});

describe("describeFlowChanges", () => {
  it("says nothing for two equal versions", () => {
    expect(describeFlowChanges(snapshot(), snapshot())).toEqual([]);
  });

  it("words a reason's new offer with the reason's label", () => {
    const before = snapshot();
    const reasons = before.content.reasons.map((r) =>
      r.code === "too_expensive" ? { ...r, offer: { kind: "pause" as const, maxMonths: 3 } } : r,
    );
    expect(describeFlowChanges(before, snapshot({}, { reasons }))).toEqual([
      "Reason “It costs too much”: offer discount 25 % for 3 months → pause up to 3 months",
    ]);
  });

  it("words an experiment started, changed and ended by keeping either variant", () => {
    const half = { kind: "discount" as const, percent: 50, months: 1 };
    const plain = snapshot();
    const running = snapshot({}, { experiment: { reasonCode: "too_expensive", offerB: half, shareB: 0.5 } });
    expect(describeFlowChanges(plain, running)).toEqual([
      "Started an experiment on “It costs too much”: variant B offers discount 50 % for 1 month to 50 % of sessions",
    ]);
    const changed = snapshot(
      {},
      { experiment: { reasonCode: "too_expensive", offerB: { ...half, months: 2 }, shareB: 0.2 } },
    );
    expect(describeFlowChanges(running, changed)).toEqual([
      "Experiment: variant B's offer discount 50 % for 1 month → discount 50 % for 2 months",
      "Experiment: variant B's share 50 % → 20 %",
    ]);
    // Keeping A: the experiment goes and the slot keeps its own offer.
    expect(describeFlowChanges(running, plain)).toEqual([
      "Ended the experiment on “It costs too much”, keeping variant A",
    ]);
    // Keeping B: the slot's offer becomes B's, and that change is listed too.
    const reasons = plain.content.reasons.map((r) => (r.code === "too_expensive" ? { ...r, offer: half } : r));
    expect(describeFlowChanges(running, snapshot({}, { reasons }))).toEqual([
      "Reason “It costs too much”: offer discount 25 % for 3 months → discount 50 % for 1 month",
      "Ended the experiment on “It costs too much”, keeping variant B",
    ]);
  });

  it("words the accent, the targeting, the name and the loss step", () => {
    const after = snapshot(
      { name: "Enterprise", targeting: { segments: ["enterprise"], plans: ["pro", "team"], locales: [] } },
      { accentColor: "#0f766e", showLoss: false },
    );
    expect(describeFlowChanges(snapshot(), after)).toEqual([
      "Name “Default flow” → “Enterprise”",
      "Targeting: segments any → enterprise",
      "Targeting: plans any → pro, team",
      "Accent colour #4f46e5 → #0f766e",
      "“What you would lose” shown → hidden",
    ]);
  });

  it("ignores the case of the accent colour", () => {
    expect(describeFlowChanges(snapshot({}, { accentColor: "#4F46E5" }), snapshot())).toEqual([]);
  });

  it("names added and removed reasons, and a new order apart from them", () => {
    const before = snapshot();
    const [first, second, ...rest] = before.content.reasons;
    if (!first || !second) throw new Error("the default flow has reasons");
    const added = {
      code: "customer_service",
      label: "Support let us down",
      followUp: null,
      offer: { kind: "downgrade" as const, plan: "Starter", priceCents: 4900 },
    };
    // Removed: the last reason ("It doesn't work well enough"); the first two swapped; one added.
    const reasons = [second, first, ...rest.slice(0, -1), added];
    expect(describeFlowChanges(before, snapshot({}, { reasons }))).toEqual([
      "Removed reason “It doesn't work well enough” (low_quality)",
      "Added reason “Support let us down” (customer_service), offering downgrade to Starter at $49.00 a month",
      "Reordered the reasons: “We don't use it enough”, “It costs too much”, “It is missing something we need”, “We are moving to another product”, “It is too hard to use”, “Support let us down”",
    ]);
  });

  it("pairs a reason whose code changed by its label, and words its follow-up and Stripe id", () => {
    const before = snapshot();
    const reasons = before.content.reasons.map((r) =>
      r.code === "too_expensive"
        ? {
            ...r,
            code: "budget",
            followUp: { question: "What would a fair price be?", required: true },
            offer: { kind: "discount" as const, percent: 25, months: 3, stripeCouponId: "SAVE25" },
          }
        : r,
    );
    expect(describeFlowChanges(before, snapshot({}, { reasons }))).toEqual([
      "Reason “It costs too much”: reason code too_expensive → budget",
      "Reason “It costs too much”: follow-up none → “What would a fair price be?” (required)",
      "Reason “It costs too much”: Stripe coupon none → SAVE25",
    ]);
  });

  it("words the “something else” offer, the texts and the logo", () => {
    const before = snapshot();
    const after = snapshot(
      {},
      {
        logoUrl: "https://example.com/logo.png",
        somethingElseOffer: { kind: "talk_to_us", url: "https://example.com/call", label: "Call us" },
        texts: { ...before.content.texts, reasonHeading: "Why are you leaving?" },
      },
    );
    expect(describeFlowChanges(before, after)).toEqual([
      "Logo URL none → https://example.com/logo.png",
      "“Something else”: offer no offer → talk to us (“Call us”, https://example.com/call)",
      "Reason heading “Why are you cancelling?” → “Why are you leaving?”",
    ]);
  });

  it("writes a downgrade's price in the installation's currency", () => {
    // 123456 cents = 1,234.56 units.
    expect(offerWords({ kind: "downgrade", plan: "Team", priceCents: 123_456 }, "EUR")).toBe(
      "downgrade to Team at €1,234.56 a month",
    );
    expect(offerWords({ kind: "pause", maxMonths: 1 }, "USD")).toBe("pause up to 1 month");
  });

  it("cuts a long text in its quotes", () => {
    const long = "x".repeat(100);
    // 59 characters and the ellipsis: 60 in all, inside the quotes.
    expect(quote(long)).toBe(`“${"x".repeat(59)}…”`);
  });
});
