// One account's contribution to every monthly figure, from its own events (docs/metrics.md). Only months
// with events get a row: in a month without events the state at its start and end is the same,
// so nothing moves, and the running totals (customers, MRR, cohort cells) carry over unchanged.
import type { Movements } from "./churn";
import type { Month } from "./months";
import { monthEnd, monthOf } from "./months";
import { type StateEvent, isCustomerState, mrrAfter, stateAfter } from "./state";

export interface MonthFacts extends Movements {
  month: Month;
  /** Change of "customer at the end of the month" against the month before: −1, 0 or 1. */
  dCustomers: number;
  /** Change of the MRR at the end of the month against the month before. */
  dMrrCents: number;
  /** For the account's cohort cells: the same changes, counted from its cohort month on. */
  cohortDCustomers: number;
  cohortDMrrCents: number;
}

export interface AccountFacts {
  /** Month of the first `converted` event, or null: such an account belongs to no cohort. */
  cohort: Month | null;
  /** mrrAfterCents of that first `converted` event: the cohort's base. */
  cohortBaseMrrCents: number;
  months: MonthFacts[];
}

interface Point {
  customer: boolean;
  mrr: number;
}

/**
 * `events` in the order they apply (time, then arrival). Events at one instant apply together:
 * only the state after the last of them is ever held, so it alone counts for "during the month".
 */
export function accountFacts(events: readonly StateEvent[]): AccountFacts {
  const firstConverted = events.find((e) => e.type === "converted");
  const cohort = firstConverted ? monthOf(firstConverted.occurredAt) : null;
  const months: MonthFacts[] = [];
  let state: Point = { customer: false, mrr: 0 };
  let everCustomer = false;
  let cohortPrev: Point | null = null;
  let i = 0;
  // `events[i]` is undefined exactly when i is past the end: the loops test the event itself, so
  // the compiler knows it is there.
  for (let first = events[i]; first; first = events[i]) {
    const month = monthOf(first.occurredAt);
    const end = monthEnd(month).getTime();
    const start: Point = state;
    const everBefore = everCustomer;
    let during = start.customer;
    // Walk the month's events instant by instant.
    for (let next = events[i]; next && next.occurredAt.getTime() < end; next = events[i]) {
      const instant = next.occurredAt.getTime();
      let last = next;
      for (let e = events[i]; e && e.occurredAt.getTime() === instant; e = events[++i]) last = e;
      const customer = isCustomerState(stateAfter(last.type));
      state = { customer, mrr: customer ? mrrAfter(last) : 0 };
      if (customer) {
        during = true;
        everCustomer = true;
      }
    }
    const f: MonthFacts = {
      month,
      dCustomers: Number(state.customer) - Number(start.customer),
      dMrrCents: state.mrr - start.mrr,
      cohortDCustomers: 0,
      cohortDMrrCents: 0,
      new: 0,
      reactivated: 0,
      churned: 0,
      newAndLost: 0,
      newCents: 0,
      expansionCents: 0,
      contractionCents: 0,
      churnedCents: 0,
      reactivationCents: 0,
    };
    if (start.customer && state.customer) {
      const diff = state.mrr - start.mrr;
      if (diff > 0) f.expansionCents = diff;
      else f.contractionCents = -diff;
    } else if (start.customer) {
      f.churned = 1;
      f.churnedCents = start.mrr;
    } else if (state.customer) {
      // A customer at some earlier instant comes back; otherwise it is new (converted or not).
      if (everBefore) {
        f.reactivated = 1;
        f.reactivationCents = state.mrr;
      } else {
        f.new = 1;
        f.newCents = state.mrr;
      }
    } else if (during) {
      f.newAndLost = 1;
    }
    if (cohort !== null && month >= cohort) {
      const before = cohortPrev ?? { customer: false, mrr: 0 };
      f.cohortDCustomers = Number(state.customer) - Number(before.customer);
      f.cohortDMrrCents = state.mrr - before.mrr;
      cohortPrev = state;
    }
    months.push(f);
  }
  return { cohort, cohortBaseMrrCents: firstConverted ? mrrAfter(firstConverted) : 0, months };
}
