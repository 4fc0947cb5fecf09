// The inputs and shapes of the metric reads: the scope a report is read under, the figure a drill-through lists, and what it lists.
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
