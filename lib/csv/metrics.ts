// The read API's reports as CSV: one table per chart, with exactly the numbers the JSON holds.
import type { ChurnMonth } from "@/lib/metrics/churn";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { ReasonsReport } from "@/lib/metrics/reasons";
import { toCsv } from "./to-csv";

export const CHURN_COLUMNS = [
  "month",
  "customersStart",
  "customersEnd",
  "new",
  "reactivated",
  "churned",
  "newAndLost",
  "logoChurnRate",
  "mrrStartCents",
  "mrrEndCents",
  "newCents",
  "expansionCents",
  "contractionCents",
  "churnedCents",
  "reactivationCents",
  "grossMrrChurnRate",
  "netMrrChurnRate",
  "netRevenueRetention",
  "quickRatio",
] as const satisfies readonly (keyof ChurnMonth)[];

export function churnCsv(months: readonly ChurnMonth[]): string {
  return toCsv(months as unknown as Record<string, number | string | null>[], CHURN_COLUMNS);
}

type CohortRow = Record<
  "cohort" | "size" | "baseMrrCents" | "age" | "customers" | "mrrCents" | "logoRetention" | "revenueRetention",
  string | number | null
>;

export function cohortsCsv(cohorts: readonly Cohort[]): string {
  const rows = cohorts.flatMap((c): CohortRow[] =>
    c.cells.length === 0
      ? [
          {
            cohort: c.cohort,
            size: c.size,
            baseMrrCents: c.baseMrrCents,
            age: null,
            customers: null,
            mrrCents: null,
            logoRetention: null,
            revenueRetention: null,
          },
        ]
      : c.cells.map((cell) => ({ cohort: c.cohort, size: c.size, baseMrrCents: c.baseMrrCents, ...cell })),
  );
  return toCsv(rows, [
    "cohort",
    "size",
    "baseMrrCents",
    "age",
    "customers",
    "mrrCents",
    "logoRetention",
    "revenueRetention",
  ]);
}

export const REASON_TABLES = ["categories", "reasonCodes", "byOffer", "byMonth"] as const;
export type ReasonTable = (typeof REASON_TABLES)[number];

export function reasonsCsv(report: ReasonsReport, table: ReasonTable): string {
  switch (table) {
    case "categories":
      return toCsv(report.categories, [
        "category",
        "name",
        "regrettable",
        "responses",
        "canceled",
        "mrrLostCents",
        "regrettableResponses",
        "saved",
        "pending",
      ]);
    case "reasonCodes":
      return toCsv(report.reasonCodes, ["reasonCode", "responses", "canceled", "mrrLostCents"]);
    case "byOffer":
      return toCsv(report.byOffer, ["offer", "responses", "saved", "pending", "saveRate"]);
    case "byMonth":
      return toCsv(report.byMonth, ["month", "category", "responses", "canceled", "mrrLostCents"]);
  }
}
