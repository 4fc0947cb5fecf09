// The inputs and shapes of the metric reads: the scope a report is read under, the figure a drill-through lists, and what it lists.
import type { DehydratedState } from "@tanstack/react-query";
import type { ChurnMonth } from "@/lib/metrics/churn";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { Month } from "@/lib/metrics/months";
import type { MONTH_FIGURES, Segment } from "@/lib/values";

/** The segment and plan filters every metric takes: the account's current values. */
export interface AccountFilter {
  segment?: Segment;
  plan?: string;
}

/** The read API's query parameters once parsed (lib/validation/metrics.ts checks its zod schema against it). */
export interface MetricsQuery extends AccountFilter {
  asOf?: Date;
  from?: Month;
  to?: Month;
}

/** A query with its defaults applied: every report reads under one of these. */
export interface MetricsScope extends AccountFilter {
  asOf: Date;
  from: Month;
  to: Month;
}

/** A churn-month figure whose accounts a drill-through lists. */
export type MonthFigure = (typeof MONTH_FIGURES)[number];

export interface DrillAccount {
  externalId: string;
  name: string;
  segment: Segment | null;
  plan: string | null;
  ownerName: string | null;
  /** The account's MRR now (cached). */
  mrrCents: number;
  /** The amount this account contributes to the figure (its MRR in the figure's terms). */
  amountCents: number;
  /** Why the account is in the figure, in words, where the figure has more to say (the watchlist's visit). */
  detail?: string;
}

export interface DrillResult {
  total: number;
  accounts: DrillAccount[];
}

/** Whether any data of each kind has arrived: an empty installation shows how to send it instead of empty charts. */
export interface DataPresence {
  accounts: boolean;
  subscriptions: boolean;
  cancellations: boolean;
}

/** The overview report: customers and MRR at asOf, and the last two complete months. */
export interface OverviewData {
  asOf: string;
  customers: number;
  mrrCents: number;
  lastMonth: ChurnMonth | null;
  previousMonth: ChurnMonth | null;
}

/** The churn report: every complete month of the range. */
export interface ChurnData {
  asOf: string;
  months: ChurnMonth[];
}

/** The cohort table. */
export interface CohortsData {
  asOf: string;
  cohorts: Cohort[];
}

/** The reports a metrics page prefetches. */
export type MetricsReportName = "overview" | "churn" | "cohorts" | "reasons";

/** What the frame of a metrics page renders: its prefetched reports (dehydrated), the range they cover, the plans to filter by. */
export interface MetricsPageData {
  state: DehydratedState;
  from: Month;
  to: Month;
  plans: string[];
  reports: MetricsReportName[];
}
