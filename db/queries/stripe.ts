// Applies one verified Stripe event: everything it implies is written in one transaction.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { cancellationFeedback, customerToAccount, subscriptionToEvent } from "@/lib/stripe/map";
import type { AccountState } from "@/lib/metrics/state";
import type { Actor } from "./audit";
import { write } from "./ingest";

const ACTOR: Actor = { type: "system", id: null, label: "Stripe webhook" };
export const HANDLED = [
  "customer.created",
  "customer.updated",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
] as const;

export type StripeOutcome = { handled: false } | { handled: true; written: string[] };

export async function applyStripeEvent(db: Db, event: Stripe.Event): Promise<StripeOutcome> {
  if (!(HANDLED as readonly string[]).includes(event.type)) return { handled: false };
  return db.transaction(async (tx) => {
    const written: string[] = [];
    if (event.type === "customer.created" || event.type === "customer.updated") {
      await write(tx, "accounts", [customerToAccount(event.data.object as Stripe.Customer)], ACTOR);
      return { handled: true, written: ["account"] };
    }
    const subscription = event.data.object as Stripe.Subscription;
    const customer = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
    const [account] = await queryRows<{ status: AccountState; mrr_cents: number }>(
      tx,
      sql`select status::text as status, mrr_cents from accounts where external_id = ${customer}`,
    );
    // Stripe does not promise order: a subscription may arrive before its customer.
    if (!account) await write(tx, "accounts", [{ externalId: customer, name: customer }], ACTOR);
    const change = subscriptionToEvent(event, subscription, {
      status: account?.status ?? "none",
      mrrCents: account?.mrr_cents ?? 0,
    });
    if (change) {
      const result = await write(tx, "subscription-events", [change], ACTOR);
      if (!result.ok) throw new Error(`Stripe event ${event.id}: ${JSON.stringify(result.errors)}`);
      if (result.skipped === 0) written.push(change.type);
    }
    const feedback = cancellationFeedback(event, subscription);
    if (feedback) {
      const result = await write(tx, "cancellations", [feedback], ACTOR);
      if (result.ok && result.skipped === 0) written.push("cancellation answer");
    }
    return { handled: true, written };
  });
}
