// Drill-through: the accounts behind one figure, counted exactly as the figure counts them.
import {
  type Column,
  type SQL,
  type SQLWrapper,
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  lt,
  max,
  notInArray,
  sql,
} from "drizzle-orm";
import type { Subquery } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accountMonthFacts as f,
  accounts,
  cancelFlowVersions as cfv,
  cancelSessions as cs,
  cancellationResponses as cr,
  reasonCategories,
  users,
} from "@/db/schema";
import { addMonths, monthEnd, monthStart } from "@/lib/metrics/months";
import type { DrillResult, MetricsScope, MonthFigure } from "@/lib/types/metrics";
import type { CancelSessionStatus } from "@/lib/values";
import { statusAsOfSql } from "./cancel-status";
import { NOT_CUSTOMER, lastEventsBefore } from "./customers";
import { periodWhere, segmentPlanWhere } from "./filters";

const LIMIT = 500;

/** The accounts behind a figure (one row each), with the amount each adds to it. */
type Source = Subquery & { accountId: SQLWrapper; amountCents: SQLWrapper };

async function list(db: Db, d: Source): Promise<DrillResult> {
  const rows = await db
    .select({
      externalId: accounts.externalId,
      name: accounts.name,
      segment: accounts.segment,
      plan: accounts.plan,
      ownerName: users.name,
      mrrCents: accounts.mrrCents,
      amountCents: sql<number>`${d.amountCents}`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(d)
    .innerJoin(accounts, eq(accounts.id, d.accountId))
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .orderBy(desc(d.amountCents), asc(accounts.name), asc(accounts.id))
    .limit(LIMIT);
  return { total: rows[0]?.total ?? 0, accounts: rows.map(({ total: _total, ...account }) => account) };
}

/** Accounts (of those matching `where`) that are customers at the instant, with their MRR then. */
function customersAtInstant(db: Db, at: Date, where: SQL | undefined) {
  const last = lastEventsBefore(db, at, where);
  return db
    .select({ accountId: last.accountId, amountCents: sql<number>`${last.mrrAfterCents}`.as("amount_cents") })
    .from(last)
    .where(notInArray(last.type, NOT_CUSTOMER))
    .as("d");
}

/** Each movement's flag (the account counts when it is above 0) and amount (none: 0). */
const MOVEMENT: Record<Exclude<MonthFigure, "customersStart" | "customersEnd">, [Column, Column | null]> = {
  new: [f.new, f.newCents],
  reactivated: [f.reactivated, f.reactivationCents],
  churned: [f.churned, f.churnedCents],
  newAndLost: [f.newAndLost, null],
  expansion: [f.expansionCents, f.expansionCents],
  contraction: [f.contractionCents, f.contractionCents],
};

export async function drillMonth(
  db: Db,
  scope: MetricsScope,
  figure: MonthFigure,
  month: string,
): Promise<DrillResult> {
  const filter = segmentPlanWhere(scope, accounts);
  if (figure === "customersStart") return list(db, customersAtInstant(db, monthStart(month), filter));
  if (figure === "customersEnd") return list(db, customersAtInstant(db, monthEnd(month), filter));
  const [flag, amount] = MOVEMENT[figure];
  return list(
    db,
    db
      .select({ accountId: f.accountId, amountCents: sql<number>`${amount ?? sql`0`}`.as("amount_cents") })
      .from(f)
      .where(and(eq(f.month, `${month}-01`), gt(flag, 0), segmentPlanWhere(scope, f)))
      .as("d"),
  );
}

/** A cohort cell: the cohort's accounts that are customers at the end of month cohort + age. */
export async function drillCohort(db: Db, scope: MetricsScope, cohort: string, age: number): Promise<DrillResult> {
  const end = monthEnd(addMonths(cohort, age));
  const inCohort = and(
    segmentPlanWhere(scope, accounts),
    eq(accounts.cohortMonth, `${cohort}-01`),
    lt(accounts.cohortConvertedAt, scope.asOf),
  );
  return list(db, customersAtInstant(db, end, inCohort));
}

/** A reason bar: accounts with answers in the category (and month), within the report's period. */
export async function drillReasons(
  db: Db,
  scope: MetricsScope,
  category: string,
  month?: string,
): Promise<DrillResult> {
  const from = month ?? scope.from;
  const to = month ?? scope.to;
  return list(
    db,
    db
      .select({ accountId: cr.accountId, amountCents: sql<number>`${max(accounts.mrrCents)}`.as("amount_cents") })
      .from(cr)
      .innerJoin(reasonCategories, eq(reasonCategories.id, cr.categoryId))
      .innerJoin(accounts, eq(accounts.id, cr.accountId))
      .where(
        and(
          eq(reasonCategories.slug, category),
          periodWhere(cr.submittedAt, { from, to, asOf: scope.asOf }),
          segmentPlanWhere(scope, accounts),
        ),
      )
      .groupBy(cr.accountId)
      .as("d"),
  );
}

/** Cancel sessions made in the period (previews left out) of accounts in the scope's segment and plan. */
function sessionAccounts(db: Db, scope: MetricsScope, where: SQL | undefined) {
  return db
    .select({ accountId: cs.accountId, amountCents: sql<number>`${max(accounts.mrrCents)}`.as("amount_cents") })
    .from(cs)
    .innerJoin(accounts, eq(accounts.id, cs.accountId))
    .where(and(eq(cs.preview, false), periodWhere(cs.createdAt, scope), segmentPlanWhere(scope, accounts), where))
    .groupBy(cs.accountId)
    .as("d");
}

/** The accounts with a session of the period that stood at `status` as of asOf, as the reasons report counts it. */
export async function drillSessions(db: Db, scope: MetricsScope, status: CancelSessionStatus): Promise<DrillResult> {
  return list(db, sessionAccounts(db, scope, eq(statusAsOfSql(scope.asOf.toISOString()), status)));
}

/**
 * The accounts behind a variant's sessions: the period's sessions of that version and variant that
 * chose the experiment's reason and ended saved or canceled.
 */
export async function drillVariant(
  db: Db,
  scope: MetricsScope,
  flowVersionId: string,
  variant: string,
): Promise<DrillResult> {
  const status = statusAsOfSql(scope.asOf.toISOString());
  return list(
    db,
    sessionAccounts(
      db,
      scope,
      and(
        eq(cs.flowVersionId, flowVersionId),
        eq(cs.variant, variant),
        inArray(status, ["saved", "canceled"]),
        // As the report counts a variant: the sessions that chose the experiment's reason.
        sql`${cs.reasonCode} = (select ${cfv.content} -> 'experiment' ->> 'reasonCode' from ${cfv} where ${cfv.id} = ${cs.flowVersionId})`,
      ),
    ),
  );
}
