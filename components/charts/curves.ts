// The numbers the retention curves draw, apart from the chart so pages can use them without loading
// the chart library.
import { csvTable, writeCsv } from "@/lib/csv/table";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { CohortView } from "./cohort-heatmap";

/** Size-weighted average at each age, over the cohorts old enough to have that age. */
export function averageCurve(cohorts: Cohort[], view: CohortView): (number | null)[] {
  const maxAge = Math.max(0, ...cohorts.map((c) => c.cells.length - 1));
  return Array.from({ length: maxAge + 1 }, (_, age) => {
    let num = 0;
    let den = 0;
    for (const c of cohorts) {
      const cell = c.cells[age];
      if (!cell) continue;
      num += view === "logo" ? cell.customers : cell.mrrCents;
      den += view === "logo" ? c.size : c.baseMrrCents;
    }
    return den === 0 ? null : num / den;
  });
}

/** The drawn numbers: one row per age, a column per chosen cohort and the average. */
export function curveRows(cohorts: Cohort[], chosen: string[], view: CohortView): Record<string, number | null>[] {
  const average = averageCurve(cohorts, view);
  return average.map((avg, age) => {
    const row: Record<string, number | null> = { age, average: avg };
    for (const c of cohorts) {
      if (!chosen.includes(c.cohort)) continue;
      const cell = c.cells[age];
      row[c.cohort] = cell ? (view === "logo" ? cell.logoRetention : cell.revenueRetention) : null;
    }
    return row;
  });
}

/** The curves' download, for people as every chart's: retention in percent by months since conversion. */
export function curvesCsv(cohorts: Cohort[], chosen: string[], view: CohortView): string {
  const measure = view === "logo" ? "logo retention" : "revenue retention";
  const table = csvTable(curveRows(cohorts, chosen, view), [
    { key: "age", label: "Months since conversion", kind: "count" },
    ...chosen.map((c) => ({ key: c, label: `${c} ${measure}`, kind: "rate" as const })),
    { key: "average", label: `Average ${measure}`, kind: "rate" },
  ]);
  // No money in it: the currency is never written.
  return writeCsv(table, { for: "people", currency: "" });
}
