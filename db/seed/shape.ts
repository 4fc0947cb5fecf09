// Summary figures of a data set, computed from its subscription events by the state rules:
// used by the seed command's report and by the test that keeps the demo business realistic.
import { isCustomerState, stateAt, type StateEvent } from "@/lib/metrics/state";
import type { Segment } from "@/lib/values";
import { addMonths, monthStart } from "./time";
import type { AccountRow, EventRow } from "./types";

export interface Shape {
  customers: number;
  mrrCents: number;
  /** Share of the segment's customers 12 full months before the last month end who are not customers then. */
  yearlyChurn: Record<Segment, { base: number; lost: number; rate: number }>;
  /** Trials started at least 30 days before the anchor that converted. */
  trialConversion: { trials: number; converted: number; rate: number };
}

export function eventsByAccount(events: readonly EventRow[]): Map<string, StateEvent[]> {
  const map = new Map<string, StateEvent[]>();
  for (const e of events) {
    const list = map.get(e.accountId) ?? [];
    list.push({ occurredAt: e.occurredAt, type: e.type, mrrAfterCents: e.mrrAfterCents ?? 0 });
    map.set(e.accountId, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return map;
}

export function shapeOf(accounts: readonly AccountRow[], events: readonly EventRow[], anchor: Date): Shape {
  const byAccount = eventsByAccount(events);
  const end = new Date(monthStart(anchor.getTime()));
  const start = new Date(addMonths(end.getTime(), -12));
  let customers = 0;
  let mrrCents = 0;
  const yearlyChurn: Shape["yearlyChurn"] = {
    smb: { base: 0, lost: 0, rate: 0 },
    mid: { base: 0, lost: 0, rate: 0 },
    enterprise: { base: 0, lost: 0, rate: 0 },
  };
  let trials = 0;
  let converted = 0;
  for (const account of accounts) {
    const list = byAccount.get(account.id) ?? [];
    const now = stateAt(list, anchor);
    if (isCustomerState(now.state)) {
      customers += 1;
      mrrCents += now.mrrCents;
    }
    const seg = account.segment ?? "smb";
    if (isCustomerState(stateAt(list, start).state)) {
      yearlyChurn[seg].base += 1;
      if (!isCustomerState(stateAt(list, end).state)) yearlyChurn[seg].lost += 1;
    }
    const trial = list.find((e) => e.type === "trial_started");
    if (trial && trial.occurredAt.getTime() <= anchor.getTime() - 30 * 86_400_000) {
      trials += 1;
      if (list.some((e) => e.type === "converted")) converted += 1;
    }
  }
  for (const s of Object.values(yearlyChurn)) s.rate = s.base === 0 ? 0 : s.lost / s.base;
  return {
    customers,
    mrrCents,
    yearlyChurn,
    trialConversion: { trials, converted, rate: trials === 0 ? 0 : converted / trials },
  };
}
