// A verified Stripe event as the write takes it: Holdfast's own items, already mapped and checked
// (lib/stripe/map.ts), so the database layer knows nothing of Stripe's shapes.
import type { AccountState } from "@/lib/metrics/state";
import type { CheckedBatch } from "./ingest";

/** The account's state before the event: a subscription's change is read against it. */
export interface AccountNow {
  status: AccountState;
  mrrCents: number;
}

export type StripeDelivery =
  | { kind: "customer"; account: CheckedBatch<"accounts"> }
  | {
      kind: "subscription";
      /** Stripe's event id, named when the event's change is refused. */
      eventId: string;
      /** The customer's id: the account's externalId. */
      customer: string;
      /** The subscription's id, kept on the account so the cancel flow can act on it. */
      subscriptionId: string;
      /** The subscription event the change implies given the account's state (no items when none). */
      eventFor: (now: AccountNow) => CheckedBatch<"subscription-events">;
      /** The cancellation feedback as a survey answer (no items when none). */
      feedback: CheckedBatch<"cancellations">;
    };

export interface StripeWritten {
  /** What was written: "account", an event type, "cancellation answer". */
  written: string[];
}
