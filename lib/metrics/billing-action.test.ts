// The billing action of each outcome, decided without Stripe (lib/stripe/apply.ts sends it).
import { describe, expect, it } from "vitest";
import { billingActionFor, monthsAfter } from "./billing-action";

const ended = new Date("2026-01-31T09:30:00Z");
const base = {
  offer: { kind: "none" } as const,
  months: null,
  reasonCode: "no_answer",
  freeText: null,
  endedAt: ended,
};

describe("billingActionFor", () => {
  it("cancels at the period's end, giving Stripe the reason when it is one of its feedback codes", () => {
    expect(billingActionFor({ ...base, outcome: "canceled" })).toEqual({
      kind: "cancel_at_period_end",
      feedback: null,
      comment: null,
    });
    expect(billingActionFor({ ...base, outcome: "canceled", reasonCode: "unused", freeText: "Quiet season" })).toEqual({
      kind: "cancel_at_period_end",
      feedback: "unused",
      comment: "Quiet season",
    });
    // "Something else" is Stripe's `other`; a code of the admin's own is no feedback Stripe knows.
    expect(billingActionFor({ ...base, outcome: "canceled", reasonCode: "other" })).toMatchObject({
      feedback: "other",
    });
    expect(billingActionFor({ ...base, outcome: "canceled", reasonCode: "merger" })).toMatchObject({ feedback: null });
  });

  it("pauses until the chosen months are over, on the same day or the month's last", () => {
    // 31 Jan + 1 month → 28 Feb (2026 is no leap year); + 3 → 30 Apr.
    expect(billingActionFor({ ...base, outcome: "paused", months: 1 })).toEqual({
      kind: "pause",
      months: 1,
      resumesAt: "2026-02-28T09:30:00.000Z",
    });
    expect(monthsAfter(ended, 3).toISOString()).toBe("2026-04-30T09:30:00.000Z");
    expect(monthsAfter(new Date("2026-11-15T00:00:00Z"), 2).toISOString()).toBe("2027-01-15T00:00:00.000Z");
  });

  it("applies a discount's coupon and a downgrade's price, and nothing without the Stripe id", () => {
    const discount = { kind: "discount", percent: 25, months: 3 } as const;
    expect(billingActionFor({ ...base, outcome: "saved", offer: { ...discount, stripeCouponId: "c_25" } })).toEqual({
      kind: "discount",
      couponId: "c_25",
    });
    expect(billingActionFor({ ...base, outcome: "saved", offer: discount })).toBeNull();
    const downgrade = { kind: "downgrade", plan: "Starter", priceCents: 1900 } as const;
    expect(
      billingActionFor({ ...base, outcome: "downgraded", offer: { ...downgrade, stripePriceId: "price_s" } }),
    ).toEqual({ kind: "downgrade", priceId: "price_s" });
    expect(billingActionFor({ ...base, outcome: "downgraded", offer: downgrade })).toBeNull();
    // Talking to us saves the session but changes no bill.
    expect(
      billingActionFor({
        ...base,
        outcome: "saved",
        offer: { kind: "talk_to_us", url: "https://x.test", label: "Call" },
      }),
    ).toBeNull();
  });
});
