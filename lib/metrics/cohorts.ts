// Logo and revenue retention by cohort (docs/metrics.md) from per-cohort, per-month changes.
import { type Month, addMonths, monthDiff } from "./months";
import { ratio } from "./churn";

export interface CohortDelta {
  cohort: Month;
  month: Month;
  dCustomers: number;
  dMrrCents: number;
}

export interface CohortBase {
  cohort: Month;
  size: number;
  baseMrrCents: number;
}

export interface CohortCell {
  age: number;
  customers: number;
  mrrCents: number;
  logoRetention: number | null;
  revenueRetention: number | null;
}

export interface Cohort extends CohortBase {
  cells: CohortCell[];
}

/** Cohorts with their cells up to `lastMonth` (the last month ended by asOf); base order kept. */
export function cohortTable(bases: readonly CohortBase[], deltas: readonly CohortDelta[], lastMonth: Month): Cohort[] {
  const byCohort = new Map<Month, Map<Month, CohortDelta>>();
  for (const d of deltas) {
    const map = byCohort.get(d.cohort) ?? new Map<Month, CohortDelta>();
    const prev = map.get(d.month);
    map.set(
      d.month,
      prev ? { ...d, dCustomers: prev.dCustomers + d.dCustomers, dMrrCents: prev.dMrrCents + d.dMrrCents } : d,
    );
    byCohort.set(d.cohort, map);
  }
  return bases.map((base) => {
    const changes = byCohort.get(base.cohort);
    const cells: CohortCell[] = [];
    let customers = 0;
    let mrr = 0;
    const ages = monthDiff(base.cohort, lastMonth);
    for (let age = 0; age <= ages; age++) {
      const d = changes?.get(addMonths(base.cohort, age));
      customers += d?.dCustomers ?? 0;
      mrr += d?.dMrrCents ?? 0;
      cells.push({
        age,
        customers,
        mrrCents: mrr,
        logoRetention: ratio(customers, base.size),
        revenueRetention: ratio(mrr, base.baseMrrCents),
      });
    }
    return { ...base, cells };
  });
}
