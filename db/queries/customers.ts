// Customers and MRR at an instant, by the state rules of docs/metrics.md, computed from subscription events.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { type AccountFilter, segmentPlanWhere } from "./filters";

/** Each account's last event strictly before `at` (same instant: the later received wins). */
function lastEventsBefore(at: Date): SQL {
  return sql`(
    select distinct on (e.account_id) e.account_id, e.type, e.mrr_after_cents
    from subscription_events e
    where e.occurred_at < ${at.toISOString()}
    order by e.account_id, e.occurred_at desc, e.seq desc
  )`;
}

export interface CustomersAt {
  customers: number;
  mrrCents: number;
  /** Accounts with at least one subscription event before the instant: the customers' universe. */
  accountsWithHistory: number;
}

export async function customersAt(db: Db, at: Date, filter: AccountFilter = {}): Promise<CustomersAt> {
  const [row] = await queryRows<{ customers: number; mrr_cents: string | number; with_history: number }>(
    db,
    sql`
      select count(*) filter (where last.type not in ('canceled', 'trial_started'))::int as customers,
             coalesce(sum(last.mrr_after_cents) filter (where last.type not in ('canceled', 'trial_started')), 0)::bigint as mrr_cents,
             count(*)::int as with_history
      from ${lastEventsBefore(at)} last
      join accounts a on a.id = last.account_id
      where ${segmentPlanWhere(filter, "a")}
    `,
  );
  return {
    customers: row?.customers ?? 0,
    mrrCents: Number(row?.mrr_cents ?? 0),
    accountsWithHistory: row?.with_history ?? 0,
  };
}

export interface SegmentCustomers {
  segment: string | null;
  customers: number;
  mrrCents: number;
}

export async function customersBySegmentAt(db: Db, at: Date): Promise<SegmentCustomers[]> {
  const rows = await queryRows<{ segment: string | null; customers: number; mrr_cents: string | number }>(
    db,
    sql`
      select a.segment::text as segment, count(*)::int as customers, coalesce(sum(last.mrr_after_cents), 0)::bigint as mrr_cents
      from ${lastEventsBefore(at)} last
      join accounts a on a.id = last.account_id
      where last.type not in ('canceled', 'trial_started')
      group by a.segment
      order by mrr_cents desc
    `,
  );
  return rows.map((r) => ({ segment: r.segment, customers: r.customers, mrrCents: Number(r.mrr_cents) }));
}
