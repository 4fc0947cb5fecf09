// Keeps the cached status, MRR and cohort on accounts in step with their subscription events.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { accountStatus, accounts, subscriptionEvents } from "@/db/schema";
import type { AccountStatus } from "@/lib/values";

/** Recomputes the cached state of the given accounts (all when omitted) from their latest event. */
export async function refreshAccountState(db: Db, accountIds?: readonly string[]): Promise<void> {
  if (accountIds !== undefined && accountIds.length === 0) return;
  const only = accountIds === undefined ? undefined : inArray(accounts.id, [...accountIds]);
  const e = alias(subscriptionEvents, "e");
  const a2 = alias(accounts, "a2");
  // The state rules of docs/metrics.md at the latest event. Drizzle names a subquery's computed
  // column unqualified, so each has a name no table here has.
  const last = db
    .select({
      status: sql<AccountStatus>`case ${e.type}
          when 'trial_started' then 'trial'
          when 'paused' then 'paused'
          when 'canceled' then 'canceled'
          else 'active'
        end`.as("last_status"),
      mrr: sql<number>`case when ${e.type} in ('canceled', 'trial_started') then 0 else ${e.mrrAfterCents} end`.as(
        "last_mrr",
      ),
    })
    .from(e)
    .where(eq(e.accountId, a2.id))
    .orderBy(desc(e.occurredAt), desc(e.seq))
    .limit(1)
    .as("last");
  const s = db
    .select({ id: a2.id, status: last.status, mrr: last.mrr })
    .from(a2)
    .leftJoinLateral(last, sql`true`)
    .as("s");
  await db
    .update(accounts)
    .set({
      status: sql`coalesce(${s.status}, 'none')::${sql.identifier(accountStatus.enumName)}`,
      mrrCents: sql`coalesce(${s.mrr}, 0)`,
    })
    .from(s)
    .where(and(eq(s.id, accounts.id), only));
  // The first converted event: cohort membership.
  const f = db
    .selectDistinctOn([subscriptionEvents.accountId], {
      accountId: subscriptionEvents.accountId,
      occurredAt: subscriptionEvents.occurredAt,
      mrrAfterCents: subscriptionEvents.mrrAfterCents,
    })
    .from(subscriptionEvents)
    .where(eq(subscriptionEvents.type, "converted"))
    .orderBy(subscriptionEvents.accountId, subscriptionEvents.occurredAt, subscriptionEvents.seq)
    .as("f");
  await db
    .update(accounts)
    .set({
      cohortMonth: sql`date_trunc('month', ${f.occurredAt} at time zone 'UTC')::date`,
      cohortConvertedAt: sql`${f.occurredAt}`,
      cohortBaseMrrCents: sql`${f.mrrAfterCents}`,
    })
    .from(f)
    .where(and(eq(f.accountId, accounts.id), only));
}
