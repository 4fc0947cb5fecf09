// Maps Stripe webhook events to Holdfast's ingestion items (pure): customers to accounts,
// subscriptions to subscription events given the account's current state, and the cancellation
// feedback to a survey answer. Event ids become externalIds, so a repeated delivery adds nothing.
import type Stripe from "stripe";
import type { CancellationItem, SubscriptionEventItem } from "@/lib/types/ingest";
import type { AccountNow, StripeDelivery } from "@/lib/types/stripe";
import { checkItems } from "@/lib/validation/ingest";

/** The subscription metadata key naming the cancel session that changed it. */
export const HOLDFAST_SESSION_KEY = "holdfast_cancel_session";

/** The events Holdfast reads; any other is acknowledged and ignored. */
export const HANDLED = [
  "customer.created",
  "customer.updated",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
] as const;

const PER_MONTH: Record<string, number> = { day: 365 / 12, week: 52 / 12, month: 1, year: 1 / 12 };

/** Monthly recurring amount in cents: items × price × quantity, normalised to a month. */
export function monthlyCents(subscription: Stripe.Subscription): number {
  let total = 0;
  for (const item of subscription.items.data) {
    const price = item.price;
    const amount = price.unit_amount ?? Number(price.unit_amount_decimal ?? 0);
    const recurring = price.recurring;
    if (!recurring) continue;
    const count = recurring.interval_count || 1;
    const perMonth = (PER_MONTH[recurring.interval] ?? 1) / count;
    total += amount * (item.quantity ?? 1) * perMonth;
  }
  return Math.round(total);
}

const ts = (seconds: number) => new Date(seconds * 1000).toISOString();

export function customerToAccount(customer: Stripe.Customer): { externalId: string; name: string; domain?: string } {
  const domain = customer.email?.split("@")[1] ?? null;
  return {
    externalId: customer.id,
    name: customer.name || customer.email || customer.id,
    ...(domain ? { domain } : {}),
  };
}

function customerId(subscription: Stripe.Subscription): string {
  return typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
}

/** The subscription event a change implies, or null when the subscription's state did not move. */
export function subscriptionToEvent(
  event: Stripe.Event,
  subscription: Stripe.Subscription,
  now: AccountNow,
): (Omit<SubscriptionEventItem, "occurredAt"> & { occurredAt: string }) | null {
  const base = { accountExternalId: customerId(subscription), externalId: `stripe:${event.id}` };
  const at = ts(event.created);
  const mrr = monthlyCents(subscription);
  const deleted = event.type === "customer.subscription.deleted" || subscription.status === "canceled";
  if (deleted) {
    if (now.status === "canceled") return null;
    return { ...base, type: "canceled", occurredAt: subscription.ended_at ? ts(subscription.ended_at) : at };
  }
  if (subscription.status === "trialing") {
    return now.status === "none" ? { ...base, type: "trial_started", occurredAt: at } : null;
  }
  const paused = subscription.status === "paused" || subscription.pause_collection !== null;
  if (paused) return now.status === "paused" ? null : { ...base, type: "paused", occurredAt: at, mrrAfterCents: 0 };
  if (subscription.status !== "active" && subscription.status !== "past_due") return null;
  if (now.status === "none" || now.status === "trial")
    return { ...base, type: "converted", occurredAt: at, mrrAfterCents: mrr };
  if (now.status === "canceled") return { ...base, type: "reactivated", occurredAt: at, mrrAfterCents: mrr };
  if (now.status === "paused") return { ...base, type: "resumed", occurredAt: at, mrrAfterCents: mrr };
  if (mrr === now.mrrCents) return null;
  return { ...base, type: mrr > now.mrrCents ? "expansion" : "contraction", occurredAt: at, mrrAfterCents: mrr };
}

/** Stripe's cancellation feedback (or comment) as a survey answer; one per cancellation request. */
export function cancellationFeedback(
  event: Stripe.Event,
  subscription: Stripe.Subscription,
): (Omit<CancellationItem, "submittedAt"> & { submittedAt: string }) | null {
  const details = subscription.cancellation_details;
  if (!details?.feedback && !details?.comment) return null;
  // Holdfast's cancel flow made this cancellation and filed its answer already (lib/stripe/apply.ts
  // marks the subscription): it is not filed a second time.
  if (subscription.metadata?.[HOLDFAST_SESSION_KEY]) return null;
  const requested = subscription.canceled_at ?? event.created;
  return {
    accountExternalId: customerId(subscription),
    submittedAt: ts(requested),
    reasonCode: details.feedback ?? "other",
    freeText: details.comment ?? null,
    offerShown: "none",
    offerAccepted: false,
    outcome: "canceled",
    externalId: `stripe:${subscription.id}:feedback:${requested}`,
  };
}

const isHandled = (type: string): type is (typeof HANDLED)[number] => HANDLED.some((t) => t === type);

/** The event as the write takes it, checked by the ingestion schemas; null for an event Holdfast ignores. */
export function toDelivery(event: Stripe.Event): StripeDelivery | null {
  if (!isHandled(event.type)) return null;
  if (event.type === "customer.created" || event.type === "customer.updated")
    return { kind: "customer", account: checkItems("accounts", [customerToAccount(event.data.object)]) };
  if (event.data.object.object !== "subscription") return null;
  const subscription = event.data.object;
  const feedback = cancellationFeedback(event, subscription);
  return {
    kind: "subscription",
    eventId: event.id,
    customer: customerId(subscription),
    subscriptionId: subscription.id,
    eventFor: (now) => {
      const change = subscriptionToEvent(event, subscription, now);
      return checkItems("subscription-events", change ? [change] : []);
    },
    feedback: checkItems("cancellations", feedback ? [feedback] : []),
  };
}
