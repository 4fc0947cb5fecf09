// The four read-API reports with their CSV downloads.
import { cohortReport } from "@/db/queries/cohort-report";
import { churnReport, overviewReport } from "@/db/queries/metrics";
import { reasonsReportFor } from "@/db/queries/reasons-report";
import { REASON_TABLES, churnCsv, cohortsCsv, reasonsCsv } from "@/lib/csv/metrics";
import type { MetricsEndpoint } from "./metrics-answer";

export const churnEndpoint: MetricsEndpoint<Awaited<ReturnType<typeof churnReport>>> = {
  name: "churn",
  report: churnReport,
  csv: (r) => churnCsv(r.months),
};

export const cohortsEndpoint: MetricsEndpoint<Awaited<ReturnType<typeof cohortReport>>> = {
  name: "cohorts",
  report: cohortReport,
  csv: (r) => cohortsCsv(r.cohorts),
};

export const reasonsEndpoint: MetricsEndpoint<Awaited<ReturnType<typeof reasonsReportFor>>> = {
  name: "reasons",
  report: reasonsReportFor,
  csv: (r, table) => {
    const wanted = table ?? "categories";
    const t = REASON_TABLES.find((name) => name === wanted);
    if (t === undefined) return { error: `must be one of ${REASON_TABLES.join(", ")}` };
    return { ...reasonsCsv(r, t), name: t };
  },
};

export const overviewEndpoint: MetricsEndpoint<Awaited<ReturnType<typeof overviewReport>>> = {
  name: "overview",
  report: overviewReport,
  csv: (r) => churnCsv([r.previousMonth, r.lastMonth].filter((m) => m !== null)),
};
