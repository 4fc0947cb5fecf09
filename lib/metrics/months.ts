// Calendar months in UTC, written `YYYY-MM`: the unit every churn and cohort figure is counted in.

export type Month = string;

export function monthOf(d: Date): Month {
  return d.toISOString().slice(0, 7);
}

/** The first instant of the month (00:00 UTC on the 1st). */
export function monthStart(month: Month): Date {
  return new Date(`${month}-01T00:00:00.000Z`);
}

/** The first instant after the month: the start of the next month. */
export function monthEnd(month: Month): Date {
  return monthStart(addMonths(month, 1));
}

/** The year and month number of a month; NaN for a part it lacks, so the figures built on it are NaN. */
function yearMonth(month: Month): [number, number] {
  const [y = Number.NaN, m = Number.NaN] = month.split("-").map(Number);
  return [y, m];
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = yearMonth(month);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Whole months from a to b (b − a); negative when b is earlier. */
export function monthDiff(a: Month, b: Month): number {
  const [ya, ma] = yearMonth(a);
  const [yb, mb] = yearMonth(b);
  return (yb - ya) * 12 + (mb - ma);
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last month whose end is at or before `asOf`. */
export function lastCompleteMonth(asOf: Date): Month {
  return addMonths(monthOf(asOf), -1);
}
