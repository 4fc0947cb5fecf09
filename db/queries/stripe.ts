// Applies one verified Stripe event, mapped to Holdfast's items: everything it implies is written
// in one transaction.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { ItemError } from "@/lib/types/ingest";
import type { Actor } from "@/lib/types/session";
import type { StripeDelivery, StripeWritten } from "@/lib/types/stripe";
import { allChecked, write } from "./ingest";

const ACTOR: Actor = { type: "system", id: null, label: "Stripe webhook" };

/** A subscription change the ingestion checks refused: the transaction rolls back, Stripe retries. */
export class StripeEventRefusedError extends Error {
  readonly code = "stripe_event_refused";
  constructor(
    readonly eventId: string,
    readonly errors: ItemError[],
  ) {
    super(`Stripe event ${eventId}: ${JSON.stringify(errors)}`);
  }
}

export async function applyStripeDelivery(db: Db, delivery: StripeDelivery): Promise<StripeWritten> {
  return db.transaction(async (tx) => {
    const written: string[] = [];
    if (delivery.kind === "customer") {
      await write(tx, "accounts", delivery.account, ACTOR);
      return { written: ["account"] };
    }
    const [account] = await tx
      .select({ status: accounts.status, mrrCents: accounts.mrrCents })
      .from(accounts)
      .where(eq(accounts.externalId, delivery.customer));
    // Stripe does not promise order: a subscription may arrive before its customer.
    if (!account)
      await write(tx, "accounts", allChecked([{ externalId: delivery.customer, name: delivery.customer }]), ACTOR);
    await tx
      .update(accounts)
      .set({ stripeSubscriptionId: delivery.subscriptionId })
      .where(eq(accounts.externalId, delivery.customer));
    const change = delivery.eventFor(account ?? { status: "none", mrrCents: 0 });
    const [event] = change.items;
    if (change.items.length > 0) {
      const result = await write(tx, "subscription-events", change, ACTOR);
      if (!result.ok) throw new StripeEventRefusedError(delivery.eventId, result.errors);
      if (result.skipped === 0 && event) written.push(event.type);
    }
    if (delivery.feedback.items.length > 0) {
      const result = await write(tx, "cancellations", delivery.feedback, ACTOR);
      if (result.ok && result.skipped === 0) written.push("cancellation answer");
    }
    return { written };
  });
}
