// Monthly churn and MRR movements (docs/metrics.md) from per-month sums of the accounts' facts.
import { type Month, monthRange } from "./months";

/** The month's movements (docs/metrics.md): counts of accounts and their MRR. */
export interface Movements {
  new: number;
  reactivated: number;
  churned: number;
  newAndLost: number;
  newCents: number;
  expansionCents: number;
  contractionCents: number;
  churnedCents: number;
  reactivationCents: number;
}

/** Sums of MonthFacts over the accounts in view, for one month. */
export interface MonthTotals extends Movements {
  month: Month;
  dCustomers: number;
  dMrrCents: number;
}

export interface ChurnMonth {
  month: Month;
  customersStart: number;
  customersEnd: number;
  new: number;
  reactivated: number;
  churned: number;
  newAndLost: number;
  logoChurnRate: number | null;
  mrrStartCents: number;
  mrrEndCents: number;
  newCents: number;
  expansionCents: number;
  contractionCents: number;
  churnedCents: number;
  reactivationCents: number;
  grossMrrChurnRate: number | null;
  netMrrChurnRate: number | null;
  netRevenueRetention: number | null;
  quickRatio: number | null;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Every month from `from` to `to`, even without events. `totals` must hold every month up to `to`
 * with movements (earlier ones too): customers and MRR at a month's end are the running sums of the
 * changes, and the start of a month is the end of the one before.
 */
export function churnMonths(totals: readonly MonthTotals[], from: Month, to: Month): ChurnMonth[] {
  const byMonth = new Map(totals.map((t) => [t.month, t]));
  let customers = 0;
  let mrr = 0;
  for (const t of totals) {
    if (t.month < from) {
      customers += t.dCustomers;
      mrr += t.dMrrCents;
    }
  }
  return monthRange(from, to).map((month) => {
    const t = byMonth.get(month);
    const customersStart = customers;
    const mrrStartCents = mrr;
    customers += t?.dCustomers ?? 0;
    mrr += t?.dMrrCents ?? 0;
    const m = {
      new: t?.new ?? 0,
      reactivated: t?.reactivated ?? 0,
      churned: t?.churned ?? 0,
      newAndLost: t?.newAndLost ?? 0,
      newCents: t?.newCents ?? 0,
      expansionCents: t?.expansionCents ?? 0,
      contractionCents: t?.contractionCents ?? 0,
      churnedCents: t?.churnedCents ?? 0,
      reactivationCents: t?.reactivationCents ?? 0,
    };
    return {
      month,
      customersStart,
      customersEnd: customers,
      new: m.new,
      reactivated: m.reactivated,
      churned: m.churned,
      newAndLost: m.newAndLost,
      logoChurnRate: ratio(m.churned, customersStart),
      mrrStartCents,
      mrrEndCents: mrr,
      newCents: m.newCents,
      expansionCents: m.expansionCents,
      contractionCents: m.contractionCents,
      churnedCents: m.churnedCents,
      reactivationCents: m.reactivationCents,
      grossMrrChurnRate: ratio(m.churnedCents + m.contractionCents, mrrStartCents),
      netMrrChurnRate: ratio(
        m.churnedCents + m.contractionCents - m.expansionCents - m.reactivationCents,
        mrrStartCents,
      ),
      netRevenueRetention: ratio(mrrStartCents + m.expansionCents - m.contractionCents - m.churnedCents, mrrStartCents),
      quickRatio: ratio(m.newCents + m.expansionCents + m.reactivationCents, m.churnedCents + m.contractionCents),
    };
  });
}
