// The read API's reports as CSV tables: one table per chart, with exactly the numbers the JSON holds,
// written raw or for people (lib/csv/table.ts).
import type { ChurnMonth } from "@/lib/metrics/churn";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { ReasonsWithSessions } from "@/lib/metrics/cancel-measures";
import type { CancelOffer } from "@/lib/types/cancel-flow";
import { type CsvColumn, type CsvTable, csvTable } from "./table";

export const CHURN_COLUMNS = [
  { key: "month", label: "Month", kind: "text" },
  { key: "customersStart", label: "Customers at start", kind: "count" },
  { key: "customersEnd", label: "Customers at end", kind: "count" },
  { key: "new", label: "New customers", kind: "count" },
  { key: "reactivated", label: "Reactivated customers", kind: "count" },
  { key: "churned", label: "Churned customers", kind: "count" },
  { key: "newAndLost", label: "New and lost", kind: "count" },
  { key: "logoChurnRate", label: "Logo churn rate", kind: "rate" },
  { key: "mrrStartCents", label: "MRR at start", kind: "money" },
  { key: "mrrEndCents", label: "MRR at end", kind: "money" },
  { key: "newCents", label: "New MRR", kind: "money" },
  { key: "expansionCents", label: "Expansion MRR", kind: "money" },
  { key: "contractionCents", label: "Contraction MRR", kind: "money" },
  { key: "churnedCents", label: "Churned MRR", kind: "money" },
  { key: "reactivationCents", label: "Reactivation MRR", kind: "money" },
  { key: "grossMrrChurnRate", label: "Gross MRR churn rate", kind: "rate" },
  { key: "netMrrChurnRate", label: "Net MRR churn rate", kind: "rate" },
  { key: "netRevenueRetention", label: "Net revenue retention", kind: "rate" },
  { key: "quickRatio", label: "Quick ratio", kind: "ratio" },
] as const satisfies readonly CsvColumn<keyof ChurnMonth>[];

export function churnCsv(months: readonly ChurnMonth[]): CsvTable {
  return csvTable(months, CHURN_COLUMNS);
}

const COHORT_COLUMNS = [
  { key: "cohort", label: "Cohort", kind: "text" },
  { key: "size", label: "Size", kind: "count" },
  { key: "baseMrrCents", label: "Base MRR", kind: "money" },
  { key: "age", label: "Months since conversion", kind: "count" },
  { key: "customers", label: "Customers", kind: "count" },
  { key: "mrrCents", label: "MRR", kind: "money" },
  { key: "logoRetention", label: "Logo retention", kind: "rate" },
  { key: "revenueRetention", label: "Revenue retention", kind: "rate" },
] as const satisfies readonly CsvColumn[];

/** One row per cell; a cohort without cells gives one row with empty cell columns. */
export function cohortsCsv(cohorts: readonly Cohort[]): CsvTable {
  const rows = cohorts.flatMap((c) => {
    const cohort = { cohort: c.cohort, size: c.size, baseMrrCents: c.baseMrrCents };
    return c.cells.length === 0 ? [cohort] : c.cells.map((cell) => ({ ...cohort, ...cell }));
  });
  return csvTable(rows, COHORT_COLUMNS);
}

export const REASON_TABLES = ["categories", "reasonCodes", "byOffer", "byMonth", "sessions", "byVariant"] as const;
export type ReasonTable = (typeof REASON_TABLES)[number];

const answers = { key: "responses", label: "Answers", kind: "count" } as const;
const canceled = { key: "canceled", label: "Canceled", kind: "count" } as const;
const mrrLost = { key: "mrrLostCents", label: "MRR lost", kind: "money" } as const;

// People read a category's name; the raw CSV keeps its slug (and the name) as the JSON does.
const categorySlug = { key: "category", label: "Slug", kind: "text", only: "raw" } as const;

/** An offer's fields flat, as columns: its kind, then what that kind carries. */
function offerColumns(offer: CancelOffer | null) {
  return {
    offer: offer?.kind ?? null,
    offerMonths: offer?.kind === "pause" ? offer.maxMonths : offer?.kind === "discount" ? offer.months : null,
    offerPercent: offer?.kind === "discount" ? offer.percent : null,
    offerPlan: offer?.kind === "downgrade" ? offer.plan : null,
    offerPriceCents: offer?.kind === "downgrade" ? offer.priceCents : null,
  };
}

export function reasonsCsv(report: ReasonsWithSessions, table: ReasonTable): CsvTable {
  switch (table) {
    case "categories":
      return csvTable(report.categories, [
        categorySlug,
        { key: "name", label: "Category", kind: "text" },
        // Empty for Uncategorized, whose answers are not yet filed.
        { key: "regrettable", label: "Regrettable", kind: "flag" },
        answers,
        canceled,
        mrrLost,
        { key: "regrettableResponses", label: "Regrettable answers", kind: "count" },
        { key: "regrettableMrrLostCents", label: "Regrettable MRR lost", kind: "money" },
        { key: "saved", label: "Saved", kind: "count" },
        { key: "pending", label: "Pending", kind: "count" },
      ]);
    case "reasonCodes":
      return csvTable(report.reasonCodes, [
        { key: "reasonCode", label: "Reason code", kind: "text" },
        answers,
        canceled,
        mrrLost,
      ]);
    case "byOffer":
      return csvTable(report.byOffer, [
        { key: "offer", label: "Offer", kind: "text" },
        answers,
        { key: "saved", label: "Saved", kind: "count" },
        { key: "pending", label: "Pending", kind: "count" },
        { key: "saveRate", label: "Save rate", kind: "rate" },
      ]);
    case "byMonth": {
      const names = new Map(report.categories.map((c) => [c.category, c.name]));
      const rows = report.byMonth.map((m) => ({ ...m, name: names.get(m.category) ?? m.category }));
      return csvTable(rows, [
        { key: "month", label: "Month", kind: "text" },
        categorySlug,
        { key: "name", label: "Category", kind: "text", only: "people" },
        answers,
        canceled,
        mrrLost,
      ]);
    }
    case "sessions":
      // One row: the sessions by status, the deflection rate and the watchlist.
      return csvTable(
        [{ ...report.sessions, deflectionRate: report.deflectionRate, watchlistAccounts: report.watchlistAccounts }],
        [
          { key: "open", label: "Open", kind: "count" },
          { key: "saved", label: "Saved", kind: "count" },
          { key: "canceled", label: "Canceled", kind: "count" },
          { key: "abandoned", label: "Abandoned", kind: "count" },
          { key: "expired", label: "Expired", kind: "count" },
          { key: "deflectionRate", label: "Deflection rate", kind: "rate" },
          { key: "watchlistAccounts", label: "Watchlist accounts", kind: "count" },
        ],
      );
    case "byVariant":
      return csvTable(
        report.byVariant.map(({ offer, ...v }) => ({ ...v, ...offerColumns(offer) })),
        [
          { key: "flowId", label: "Flow id", kind: "text", only: "raw" },
          { key: "flowName", label: "Flow", kind: "text" },
          { key: "flowVersionId", label: "Flow version id", kind: "text", only: "raw" },
          { key: "flowVersion", label: "Version", kind: "count" },
          { key: "reasonCode", label: "Reason code", kind: "text" },
          { key: "variant", label: "Variant", kind: "text" },
          { key: "offer", label: "Offer", kind: "text" },
          { key: "offerMonths", label: "Offer months", kind: "count" },
          { key: "offerPercent", label: "Offer percent off", kind: "count" },
          { key: "offerPlan", label: "Offer plan", kind: "text" },
          { key: "offerPriceCents", label: "Offer price", kind: "money" },
          { key: "sessions", label: "Sessions", kind: "count" },
          { key: "saved", label: "Saved", kind: "count" },
          { key: "pending", label: "Pending", kind: "count" },
          { key: "saveRate", label: "Save rate", kind: "rate" },
          { key: "low", label: "95 % interval low", kind: "rate" },
          { key: "high", label: "95 % interval high", kind: "rate" },
        ],
      );
  }
}
