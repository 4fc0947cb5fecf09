// The state rules of docs/metrics.md: an account's state and MRR at an instant, from its subscription events.

import type { AccountStatus, SubscriptionEventType } from "@/lib/values";

export type AccountState = AccountStatus;

export interface StateEvent {
  occurredAt: Date;
  type: SubscriptionEventType;
  mrrAfterCents: number;
}

/** The state an event leaves the account in. */
export function stateAfter(type: SubscriptionEventType): AccountState {
  switch (type) {
    case "converted":
    case "expansion":
    case "contraction":
    case "resumed":
    case "reactivated":
      return "active";
    case "paused":
      return "paused";
    case "canceled":
      return "canceled";
    case "trial_started":
      return "trial";
  }
}

/** MRR after an event: canceled and trial_started carry none, whatever amount they were sent with. */
export function mrrAfter(event: Pick<StateEvent, "type" | "mrrAfterCents">): number {
  return event.type === "canceled" || event.type === "trial_started" ? 0 : event.mrrAfterCents;
}

export function isCustomerState(state: AccountState): boolean {
  return state === "active" || state === "paused";
}

/**
 * State and MRR at instant t: set by the last event with occurredAt < t. `events` must be in the order
 * they apply (by time, then arrival), so among events at one instant the last received wins.
 */
export function stateAt(events: readonly StateEvent[], t: Date): { state: AccountState; mrrCents: number } {
  let last: StateEvent | undefined;
  const limit = t.getTime();
  for (const event of events) {
    if (event.occurredAt.getTime() < limit) last = event;
    else break;
  }
  if (!last) return { state: "none", mrrCents: 0 };
  return { state: stateAfter(last.type), mrrCents: mrrAfter(last) };
}

/** Customers and MRR at t over many accounts' event lists (each already in apply order). */
export function customersAndMrrAt(
  eventsByAccount: Iterable<readonly StateEvent[]>,
  t: Date,
): { customers: number; mrrCents: number } {
  let customers = 0;
  let mrrCents = 0;
  for (const events of eventsByAccount) {
    const { state, mrrCents: mrr } = stateAt(events, t);
    if (isCustomerState(state)) {
      customers += 1;
      mrrCents += mrr;
    }
  }
  return { customers, mrrCents };
}
