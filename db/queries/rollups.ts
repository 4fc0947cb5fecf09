// Keeps the metric rollups current: per-account month facts and their sums per month, segment and
// plan. Call refreshDerived after any write to subscription events or to an account's segment or
// plan, in the same transaction: it subtracts the accounts' old contributions and adds the new.
import { type SQL, sql } from "drizzle-orm";
import { type BulkColumn, bulkInsert } from "@/db/bulk";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { accountMonthFacts } from "@/db/schema";
import { type AccountFacts, accountFacts } from "@/lib/metrics/account-facts";
import type { StateEvent, SubscriptionEventType } from "@/lib/metrics/state";
import { refreshAccountState } from "./account-state";

type FactRow = typeof accountMonthFacts.$inferInsert;
const int = (name: string, value: (r: FactRow) => number | undefined, type = "bigint") => ({ name, type, value });
const FACT_COLUMNS: BulkColumn<FactRow>[] = [
  { name: "account_id", type: "text", value: (r) => r.accountId },
  { name: "month", type: "date", value: (r) => r.month },
  { name: "segment", type: "text", value: (r) => r.segment },
  { name: "plan", type: "text", value: (r) => r.plan },
  { name: "cohort", type: "date", value: (r) => r.cohort },
  int("d_customers", (r) => r.dCustomers, "smallint"),
  int("d_mrr_cents", (r) => r.dMrrCents),
  int("cohort_d_customers", (r) => r.cohortDCustomers, "smallint"),
  int("cohort_d_mrr_cents", (r) => r.cohortDMrrCents),
  int("cohort_size", (r) => r.cohortSize, "smallint"),
  int("cohort_base_mrr_cents", (r) => r.cohortBaseMrrCents),
  int("new", (r) => r.new, "int"),
  int("reactivated", (r) => r.reactivated, "int"),
  int("churned", (r) => r.churned, "int"),
  int("new_and_lost", (r) => r.newAndLost, "int"),
  int("new_cents", (r) => r.newCents),
  int("expansion_cents", (r) => r.expansionCents),
  int("contraction_cents", (r) => r.contractionCents),
  int("churned_cents", (r) => r.churnedCents),
  int("reactivation_cents", (r) => r.reactivationCents),
];
const MOVEMENTS = [
  "new",
  "reactivated",
  "churned",
  "new_and_lost",
  "new_cents",
  "expansion_cents",
  "contraction_cents",
  "churned_cents",
  "reactivation_cents",
] as const;

function onlyAccounts(column: string, ids: readonly string[] | undefined): SQL {
  if (ids === undefined) return sql`true`;
  return sql`${sql.raw(column)} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/**
 * Adds (sign 1) or removes (sign −1) the facts of the given accounts from the sums, in key order so
 * that concurrent writers lock the sum rows they share in the same order.
 */
async function applyToTotals(db: Db, ids: readonly string[] | undefined, sign: 1 | -1): Promise<void> {
  const s = sql.raw(String(sign));
  const sums = MOVEMENTS.map((c) => sql.raw(`${sign} * sum(${c})`));
  const updates = sql.raw(MOVEMENTS.map((c) => `${c} = metric_month_totals.${c} + excluded.${c}`).join(", "));
  await db.execute(sql`
    insert into metric_month_totals (month, segment, plan, d_customers, d_mrr_cents, ${sql.raw(MOVEMENTS.join(", "))})
    select month, segment, plan, ${s} * sum(d_customers), ${s} * sum(d_mrr_cents), ${sql.join(sums, sql`, `)}
    from account_month_facts where ${onlyAccounts("account_id", ids)}
    group by month, segment, plan
    order by month, segment, plan
    on conflict (month, segment, plan) do update set
      d_customers = metric_month_totals.d_customers + excluded.d_customers,
      d_mrr_cents = metric_month_totals.d_mrr_cents + excluded.d_mrr_cents,
      ${updates}
  `);
  await db.execute(sql`
    insert into cohort_month_totals (cohort, month, segment, plan, d_customers, d_mrr_cents)
    select cohort, month, segment, plan, ${s} * sum(cohort_d_customers), ${s} * sum(cohort_d_mrr_cents)
    from account_month_facts where cohort is not null and month >= cohort and ${onlyAccounts("account_id", ids)}
    group by cohort, month, segment, plan
    order by cohort, month, segment, plan
    on conflict (cohort, month, segment, plan) do update set
      d_customers = cohort_month_totals.d_customers + excluded.d_customers,
      d_mrr_cents = cohort_month_totals.d_mrr_cents + excluded.d_mrr_cents
  `);
  await db.execute(sql`
    insert into cohort_bases (cohort, segment, plan, size, base_mrr_cents)
    select cohort, segment, plan, ${s} * sum(cohort_size), ${s} * sum(cohort_base_mrr_cents)
    from account_month_facts where cohort_size <> 0 and ${onlyAccounts("account_id", ids)}
    group by cohort, segment, plan
    order by cohort, segment, plan
    on conflict (cohort, segment, plan) do update set
      size = cohort_bases.size + excluded.size,
      base_mrr_cents = cohort_bases.base_mrr_cents + excluded.base_mrr_cents
  `);
}

async function computeFacts(db: Db, ids: readonly string[] | undefined) {
  const accounts = await queryRows<{ id: string; segment: string; plan: string }>(
    db,
    sql`select id, coalesce(segment::text, '') as segment, coalesce(plan, '') as plan from accounts where ${onlyAccounts("id", ids)}`,
  );
  const events = await queryRows<{
    account_id: string;
    occurred_at: string | Date;
    type: SubscriptionEventType;
    mrr_after_cents: number;
  }>(
    db,
    sql`select account_id, occurred_at, type::text as type, mrr_after_cents from subscription_events
        where ${onlyAccounts("account_id", ids)} order by account_id, occurred_at, seq`,
  );
  const byAccount = new Map<string, StateEvent[]>();
  for (const e of events) {
    const list = byAccount.get(e.account_id) ?? [];
    list.push({ occurredAt: new Date(e.occurred_at), type: e.type, mrrAfterCents: e.mrr_after_cents });
    byAccount.set(e.account_id, list);
  }
  const rows: FactRow[] = [];
  for (const account of accounts) {
    const facts: AccountFacts = accountFacts(byAccount.get(account.id) ?? []);
    const cohort = facts.cohort === null ? null : `${facts.cohort}-01`;
    for (const f of facts.months) {
      const isCohortMonth = f.month === facts.cohort;
      rows.push({
        ...f,
        month: `${f.month}-01`,
        accountId: account.id,
        segment: account.segment,
        plan: account.plan,
        cohort,
        cohortSize: isCohortMonth ? 1 : 0,
        cohortBaseMrrCents: isCohortMonth ? facts.cohortBaseMrrCents : 0,
      });
    }
  }
  return rows;
}

/** Recomputes cached account state and the metric rollups for the given accounts (all when omitted). */
export async function refreshDerived(db: Db, accountIds?: readonly string[]): Promise<void> {
  if (accountIds !== undefined && accountIds.length === 0) return;
  await refreshAccountState(db, accountIds);
  await applyToTotals(db, accountIds, -1);
  await db.execute(sql`delete from account_month_facts where ${onlyAccounts("account_id", accountIds)}`);
  await bulkInsert(db, "account_month_facts", FACT_COLUMNS, await computeFacts(db, accountIds));
  await applyToTotals(db, accountIds, 1);
}

/** Builds the rollups when events exist but no facts do (a database from before they existed). */
export async function ensureRollups(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ events: boolean; facts: boolean }>(
    db,
    sql`select exists (select 1 from subscription_events) as events, exists (select 1 from account_month_facts) as facts`,
  );
  if (!row?.events || row.facts) return false;
  await db.transaction((tx) => refreshDerived(tx));
  return true;
}
