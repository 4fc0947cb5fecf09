// Keeps the cached status, MRR and cohort on accounts in step with their subscription events.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Recomputes the cached state of the given accounts (all when omitted) from their latest event. */
export async function refreshAccountState(db: Db, accountIds?: readonly string[]): Promise<void> {
  if (accountIds !== undefined && accountIds.length === 0) return;
  const only =
    accountIds === undefined
      ? sql``
      : sql`and a.id in (${sql.join(
          accountIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  await db.execute(sql`
    update accounts a set
      status = coalesce(s.status, 'none')::account_status,
      mrr_cents = coalesce(s.mrr, 0)
    from (
      select a2.id, last.status, last.mrr
      from accounts a2
      left join lateral (
        select
          case e.type
            when 'trial_started' then 'trial'
            when 'paused' then 'paused'
            when 'canceled' then 'canceled'
            else 'active'
          end as status,
          case when e.type in ('canceled', 'trial_started') then 0 else e.mrr_after_cents end as mrr
        from subscription_events e
        where e.account_id = a2.id
        order by e.occurred_at desc, e.seq desc
        limit 1
      ) last on true
    ) s
    where s.id = a.id ${only}
  `);
  await db.execute(sql`
    update accounts a set
      cohort_month = date_trunc('month', f.occurred_at at time zone 'UTC')::date,
      cohort_converted_at = f.occurred_at,
      cohort_base_mrr_cents = f.mrr_after_cents
    from (
      select distinct on (e.account_id) e.account_id, e.occurred_at, e.mrr_after_cents
      from subscription_events e
      where e.type = 'converted'
      order by e.account_id, e.occurred_at, e.seq
    ) f
    where f.account_id = a.id ${only}
  `);
}
