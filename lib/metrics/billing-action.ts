// What a finished cancel session asks of the customer's billing (SPEC §7), decided from its outcome
// and the offer it took — pure, so the rules are tested apart from Stripe: a cancel ends the
// subscription at the period's end; a pause voids collection until the chosen months are over; a
// discount applies the offer's coupon; a downgrade moves to the offer's price. An offer without the
// Stripe id it needs asks for nothing.
import type { CancelOffer } from "@/lib/types/cancel-flow";
import { type CancellationOutcome, STRIPE_FEEDBACK_CODES } from "@/lib/values";

type StripeFeedback = (typeof STRIPE_FEEDBACK_CODES)[number] | "other";

export type BillingAction =
  | { kind: "cancel_at_period_end"; feedback: StripeFeedback | null; comment: string | null }
  /** `resumesAt`: an ISO instant, the chosen months after the session's end. */
  | { kind: "pause"; months: number; resumesAt: string }
  | { kind: "discount"; couponId: string }
  | { kind: "downgrade"; priceId: string };

export interface FinishedSession {
  outcome: CancellationOutcome;
  /** The offer the session's reason led to, with its Stripe ids (the variant's, under an experiment). */
  offer: CancelOffer;
  /** The months a pause was taken for. */
  months: number | null;
  reasonCode: string;
  freeText: string | null;
  endedAt: Date;
}

/** The months after `at` on the same day of the month, in UTC (31 Jan + 1 → 28 or 29 Feb). */
export function monthsAfter(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(at);
  d.setUTCFullYear(y, m, Math.min(at.getUTCDate(), lastDay));
  return d;
}

export function billingActionFor(s: FinishedSession): BillingAction | null {
  switch (s.outcome) {
    case "canceled": {
      const feedback =
        STRIPE_FEEDBACK_CODES.find((c) => c === s.reasonCode) ?? (s.reasonCode === "other" ? "other" : null);
      return { kind: "cancel_at_period_end", feedback, comment: s.freeText?.slice(0, 500) || null };
    }
    case "paused": {
      const months = s.months ?? 1;
      return { kind: "pause", months, resumesAt: monthsAfter(s.endedAt, months).toISOString() };
    }
    case "downgraded":
      return s.offer.kind === "downgrade" && s.offer.stripePriceId
        ? { kind: "downgrade", priceId: s.offer.stripePriceId }
        : null;
    case "saved":
      return s.offer.kind === "discount" && s.offer.stripeCouponId
        ? { kind: "discount", couponId: s.offer.stripeCouponId }
        : null;
  }
}
