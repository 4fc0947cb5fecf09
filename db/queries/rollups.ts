// Keeps the metric rollups current: per-account month facts and their sums per month, segment and
// plan. Call refreshDerived after any write to subscription events or to an account's segment or
// plan, in the same transaction: it subtracts the accounts' old contributions and adds the new.
import { type SQL, and, gte, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type BulkColumn, bulkInsert } from "@/db/bulk";
import type { Db } from "@/db/client";
import {
  accountMonthFacts,
  accounts,
  cohortBases,
  cohortMonthTotals,
  metricMonthTotals,
  subscriptionEvents,
} from "@/db/schema";
import { type AccountFacts, accountFacts } from "@/lib/metrics/account-facts";
import type { StateEvent } from "@/lib/metrics/state";
import { refreshAccountState } from "./account-state";
import { bulkColumn, excluded } from "./bulk-columns";

type FactRow = typeof accountMonthFacts.$inferInsert;
const f = accountMonthFacts;
const fact = (column: PgColumn, value: (r: FactRow) => string | number | null | undefined) => bulkColumn(column, value);
const FACT_COLUMNS: BulkColumn<FactRow>[] = [
  fact(f.accountId, (r) => r.accountId),
  fact(f.month, (r) => r.month),
  fact(f.segment, (r) => r.segment),
  fact(f.plan, (r) => r.plan),
  fact(f.cohort, (r) => r.cohort),
  fact(f.dCustomers, (r) => r.dCustomers),
  fact(f.dMrrCents, (r) => r.dMrrCents),
  fact(f.cohortDCustomers, (r) => r.cohortDCustomers),
  fact(f.cohortDMrrCents, (r) => r.cohortDMrrCents),
  fact(f.cohortSize, (r) => r.cohortSize),
  fact(f.cohortBaseMrrCents, (r) => r.cohortBaseMrrCents),
  fact(f.new, (r) => r.new),
  fact(f.reactivated, (r) => r.reactivated),
  fact(f.churned, (r) => r.churned),
  fact(f.newAndLost, (r) => r.newAndLost),
  fact(f.newCents, (r) => r.newCents),
  fact(f.expansionCents, (r) => r.expansionCents),
  fact(f.contractionCents, (r) => r.contractionCents),
  fact(f.churnedCents, (r) => r.churnedCents),
  fact(f.reactivationCents, (r) => r.reactivationCents),
];

/** The given accounts' rows; no condition (every row) when no list is given. */
function onlyAccounts(column: PgColumn, ids: readonly string[] | undefined): SQL | undefined {
  return ids === undefined ? undefined : inArray(column, [...ids]);
}

/**
 * Adds (sign 1) or removes (sign −1) the facts of the given accounts from the sums, in key order so
 * that concurrent writers lock the sum rows they share in the same order.
 */
async function applyToTotals(db: Db, ids: readonly string[] | undefined, sign: 1 | -1): Promise<void> {
  // Aliased as the target's column: insert … select pairs them by position, drizzle checks by key.
  const signed = (column: PgColumn, into: PgColumn) =>
    sql<number>`${sql.raw(String(sign))} * sum(${column})`.mapWith(Number).as(into.name);
  const plus = (column: PgColumn) => sql`${column} + ${excluded(column)}`;
  const m = metricMonthTotals;
  await db
    .insert(m)
    .select(
      db
        .select({
          month: f.month,
          segment: f.segment,
          plan: f.plan,
          dCustomers: signed(f.dCustomers, m.dCustomers),
          dMrrCents: signed(f.dMrrCents, m.dMrrCents),
          new: signed(f.new, m.new),
          reactivated: signed(f.reactivated, m.reactivated),
          churned: signed(f.churned, m.churned),
          newAndLost: signed(f.newAndLost, m.newAndLost),
          newCents: signed(f.newCents, m.newCents),
          expansionCents: signed(f.expansionCents, m.expansionCents),
          contractionCents: signed(f.contractionCents, m.contractionCents),
          churnedCents: signed(f.churnedCents, m.churnedCents),
          reactivationCents: signed(f.reactivationCents, m.reactivationCents),
        })
        .from(f)
        .where(onlyAccounts(f.accountId, ids))
        .groupBy(f.month, f.segment, f.plan)
        .orderBy(f.month, f.segment, f.plan),
    )
    .onConflictDoUpdate({
      target: [m.month, m.segment, m.plan],
      set: {
        dCustomers: plus(m.dCustomers),
        dMrrCents: plus(m.dMrrCents),
        new: plus(m.new),
        reactivated: plus(m.reactivated),
        churned: plus(m.churned),
        newAndLost: plus(m.newAndLost),
        newCents: plus(m.newCents),
        expansionCents: plus(m.expansionCents),
        contractionCents: plus(m.contractionCents),
        churnedCents: plus(m.churnedCents),
        reactivationCents: plus(m.reactivationCents),
      },
    });
  const c = cohortMonthTotals;
  await db
    .insert(c)
    .select(
      db
        .select({
          cohort: sql<string>`${f.cohort}`.as(c.cohort.name),
          month: f.month,
          segment: f.segment,
          plan: f.plan,
          dCustomers: signed(f.cohortDCustomers, c.dCustomers),
          dMrrCents: signed(f.cohortDMrrCents, c.dMrrCents),
        })
        .from(f)
        .where(and(isNotNull(f.cohort), gte(f.month, f.cohort), onlyAccounts(f.accountId, ids)))
        .groupBy(f.cohort, f.month, f.segment, f.plan)
        .orderBy(f.cohort, f.month, f.segment, f.plan),
    )
    .onConflictDoUpdate({
      target: [c.cohort, c.month, c.segment, c.plan],
      set: { dCustomers: plus(c.dCustomers), dMrrCents: plus(c.dMrrCents) },
    });
  const b = cohortBases;
  await db
    .insert(b)
    .select(
      db
        .select({
          cohort: sql<string>`${f.cohort}`.as(b.cohort.name),
          segment: f.segment,
          plan: f.plan,
          size: signed(f.cohortSize, b.size),
          baseMrrCents: signed(f.cohortBaseMrrCents, b.baseMrrCents),
        })
        .from(f)
        .where(and(ne(f.cohortSize, 0), onlyAccounts(f.accountId, ids)))
        .groupBy(f.cohort, f.segment, f.plan)
        .orderBy(f.cohort, f.segment, f.plan),
    )
    .onConflictDoUpdate({
      target: [b.cohort, b.segment, b.plan],
      set: { size: plus(b.size), baseMrrCents: plus(b.baseMrrCents) },
    });
}

async function computeFacts(db: Db, ids: readonly string[] | undefined) {
  const owners = await db
    .select({ id: accounts.id, segment: accounts.segment, plan: accounts.plan })
    .from(accounts)
    .where(onlyAccounts(accounts.id, ids));
  const events = await db
    .select({
      accountId: subscriptionEvents.accountId,
      occurredAt: subscriptionEvents.occurredAt,
      type: subscriptionEvents.type,
      mrrAfterCents: subscriptionEvents.mrrAfterCents,
    })
    .from(subscriptionEvents)
    .where(onlyAccounts(subscriptionEvents.accountId, ids))
    .orderBy(subscriptionEvents.accountId, subscriptionEvents.occurredAt, subscriptionEvents.seq);
  const byAccount = new Map<string, StateEvent[]>();
  for (const e of events) {
    const list = byAccount.get(e.accountId) ?? [];
    list.push({ occurredAt: e.occurredAt, type: e.type, mrrAfterCents: e.mrrAfterCents });
    byAccount.set(e.accountId, list);
  }
  const rows: FactRow[] = [];
  for (const owner of owners) {
    // Segment and plan key the sums: '' for none.
    const account = { id: owner.id, segment: owner.segment ?? "", plan: owner.plan ?? "" };
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
  await db.delete(f).where(onlyAccounts(f.accountId, accountIds));
  await bulkInsert(db, f, FACT_COLUMNS, await computeFacts(db, accountIds));
  await applyToTotals(db, accountIds, 1);
}

/** Builds the rollups when events exist but no facts do (a database from before they existed). */
export async function ensureRollups(db: Db): Promise<boolean> {
  const [event] = await db.select({ seq: subscriptionEvents.seq }).from(subscriptionEvents).limit(1);
  const [fact] = await db.select({ month: f.month }).from(f).limit(1);
  if (!event || fact) return false;
  await db.transaction((tx) => refreshDerived(tx));
  return true;
}
