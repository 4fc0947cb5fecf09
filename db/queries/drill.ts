// Drill-through: the accounts behind one figure, counted exactly as the figure counts them.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { segmentPlanWhere } from "./filters";
import { addMonths, monthEnd, monthStart } from "@/lib/metrics/months";
import type { MonthFigure } from "@/lib/validation/drill";
import type { MetricsScope } from "@/lib/validation/metrics";

export interface DrillAccount {
  externalId: string;
  name: string;
  segment: string | null;
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

const LIMIT = 500;

async function list(db: Db, source: SQL): Promise<DrillResult> {
  const rows = await queryRows<{
    external_id: string;
    name: string;
    segment: string | null;
    plan: string | null;
    owner_name: string | null;
    mrr_cents: number;
    amount_cents: string | number;
    total: number;
  }>(
    db,
    sql`
      select a.external_id, a.name, a.segment::text as segment, a.plan, u.name as owner_name, a.mrr_cents,
             d.amount_cents, count(*) over ()::int as total
      from (${source}) d
      join accounts a on a.id = d.account_id
      left join users u on u.id = a.owner_id
      order by d.amount_cents desc, a.name, a.id
      limit ${LIMIT}
    `,
  );
  return {
    total: rows[0]?.total ?? 0,
    accounts: rows.map((r) => ({
      externalId: r.external_id,
      name: r.name,
      segment: r.segment,
      plan: r.plan,
      ownerName: r.owner_name,
      mrrCents: r.mrr_cents,
      amountCents: Number(r.amount_cents),
    })),
  };
}

/** Accounts that are customers at the instant, with their MRR then. */
function customersAtInstant(at: Date, scope: MetricsScope): SQL {
  return sql`
    select last.account_id, last.mrr_after_cents as amount_cents
    from (
      select distinct on (e.account_id) e.account_id, e.type, e.mrr_after_cents
      from subscription_events e join accounts a on a.id = e.account_id
      where e.occurred_at < ${at.toISOString()} and ${segmentPlanWhere(scope, "a")}
      order by e.account_id, e.occurred_at desc, e.seq desc
    ) last
    where last.type not in ('canceled', 'trial_started')`;
}

const MOVEMENT: Record<Exclude<MonthFigure, "customersStart" | "customersEnd">, [string, string]> = {
  new: ["new", "new_cents"],
  reactivated: ["reactivated", "reactivation_cents"],
  churned: ["churned", "churned_cents"],
  newAndLost: ["new_and_lost", "0"],
  expansion: ["expansion_cents", "expansion_cents"],
  contraction: ["contraction_cents", "contraction_cents"],
};

export async function drillMonth(
  db: Db,
  scope: MetricsScope,
  figure: MonthFigure,
  month: string,
): Promise<DrillResult> {
  if (figure === "customersStart") return list(db, customersAtInstant(monthStart(month), scope));
  if (figure === "customersEnd") return list(db, customersAtInstant(monthEnd(month), scope));
  const [flag, amount] = MOVEMENT[figure];
  return list(
    db,
    sql`select f.account_id, ${sql.raw(amount === "0" ? "0" : `f.${amount}`)} as amount_cents
        from account_month_facts f
        where f.month = ${`${month}-01`} and ${sql.raw(`f.${flag}`)} > 0 and ${segmentPlanWhere(scope, "f")}`,
  );
}

/** A cohort cell: the cohort's accounts that are customers at the end of month cohort + age. */
export async function drillCohort(db: Db, scope: MetricsScope, cohort: string, age: number): Promise<DrillResult> {
  const end = monthEnd(addMonths(cohort, age));
  return list(
    db,
    sql`select c.account_id, c.amount_cents from (${customersAtInstant(end, scope)}) c
        join accounts m on m.id = c.account_id
        where m.cohort_month = ${`${cohort}-01`} and m.cohort_converted_at < ${scope.asOf.toISOString()}`,
  );
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
    sql`select cr.account_id, max(a.mrr_cents) as amount_cents
        from cancellation_responses cr
        join reason_categories c on c.id = cr.category_id
        join accounts a on a.id = cr.account_id
        where c.slug = ${category} and cr.submitted_at >= ${monthStart(from).toISOString()}
          and cr.submitted_at < ${monthEnd(to).toISOString()} and cr.submitted_at < ${scope.asOf.toISOString()}
          and ${segmentPlanWhere(scope, "a")}
        group by cr.account_id`,
  );
}
