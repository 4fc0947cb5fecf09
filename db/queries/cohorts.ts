// Cohort sizes: accounts by the month of their first conversion, with the MRR they converted at.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

export async function cohortSizes(db: Db, asOf: Date) {
  const rows = await queryRows<{ cohort: string; size: number; base_mrr_cents: string | number }>(
    db,
    sql`
      select to_char(first.occurred_at at time zone 'UTC', 'YYYY-MM') as cohort,
             count(*)::int as size,
             sum(first.mrr_after_cents)::bigint as base_mrr_cents
      from (
        select distinct on (e.account_id) e.account_id, e.occurred_at, e.mrr_after_cents
        from subscription_events e
        where e.type = 'converted' and e.occurred_at < ${asOf.toISOString()}
        order by e.account_id, e.occurred_at, e.seq
      ) first
      group by 1
      order by 1 desc
    `,
  );
  return rows.map((r) => ({ cohort: r.cohort, size: r.size, baseMrrCents: Number(r.base_mrr_cents) }));
}
