// Rollups that keep the churn and cohort endpoints fast at any size, kept current on every write
// to subscription events or to an account's segment or plan (db/queries/rollups.ts).
// Segment and plan are the account's current values, '' when it has none.
import { bigint, date, index, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

const movementColumns = {
  new: integer("new").notNull().default(0),
  reactivated: integer("reactivated").notNull().default(0),
  churned: integer("churned").notNull().default(0),
  newAndLost: integer("new_and_lost").notNull().default(0),
  newCents: bigint("new_cents", { mode: "number" }).notNull().default(0),
  expansionCents: bigint("expansion_cents", { mode: "number" }).notNull().default(0),
  contractionCents: bigint("contraction_cents", { mode: "number" }).notNull().default(0),
  churnedCents: bigint("churned_cents", { mode: "number" }).notNull().default(0),
  reactivationCents: bigint("reactivation_cents", { mode: "number" }).notNull().default(0),
};

/** One account's contribution to each month in which it has events (lib/metrics/account-facts.ts). */
export const accountMonthFacts = pgTable(
  "account_month_facts",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    segment: text("segment").notNull(),
    plan: text("plan").notNull(),
    cohort: date("cohort", { mode: "string" }),
    dCustomers: smallint("d_customers").notNull(),
    dMrrCents: bigint("d_mrr_cents", { mode: "number" }).notNull(),
    cohortDCustomers: smallint("cohort_d_customers").notNull(),
    cohortDMrrCents: bigint("cohort_d_mrr_cents", { mode: "number" }).notNull(),
    // 1 on the cohort month's row, with the first conversion's amount: the cohort's size and base.
    cohortSize: smallint("cohort_size").notNull().default(0),
    cohortBaseMrrCents: bigint("cohort_base_mrr_cents", { mode: "number" }).notNull().default(0),
    ...movementColumns,
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.month] }),
    // Serves the drill-through lists: the accounts behind one month's figure.
    index("account_month_facts_month_idx").on(t.month),
  ],
);

/** Sum of the facts per month, segment and plan: the churn endpoint reads only this. */
export const metricMonthTotals = pgTable(
  "metric_month_totals",
  {
    month: date("month", { mode: "string" }).notNull(),
    segment: text("segment").notNull(),
    plan: text("plan").notNull(),
    dCustomers: integer("d_customers").notNull().default(0),
    dMrrCents: bigint("d_mrr_cents", { mode: "number" }).notNull().default(0),
    ...movementColumns,
  },
  (t) => [primaryKey({ columns: [t.month, t.segment, t.plan] })],
);

/** Per cohort and month, the change of its customers and MRR at the month's end. */
export const cohortMonthTotals = pgTable(
  "cohort_month_totals",
  {
    cohort: date("cohort", { mode: "string" }).notNull(),
    month: date("month", { mode: "string" }).notNull(),
    segment: text("segment").notNull(),
    plan: text("plan").notNull(),
    dCustomers: integer("d_customers").notNull().default(0),
    dMrrCents: bigint("d_mrr_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cohort, t.month, t.segment, t.plan] })],
);

/** Cohort sizes and base MRR (the first conversions' amounts). */
export const cohortBases = pgTable(
  "cohort_bases",
  {
    cohort: date("cohort", { mode: "string" }).notNull(),
    segment: text("segment").notNull(),
    plan: text("plan").notNull(),
    size: integer("size").notNull().default(0),
    baseMrrCents: bigint("base_mrr_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cohort, t.segment, t.plan] })],
);
