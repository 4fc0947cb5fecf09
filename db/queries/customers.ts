// Customers and MRR at an instant, by the state rules of docs/metrics.md, computed from subscription events.
import { type SQL, and, count, desc, eq, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, subscriptionEvents as e } from "@/db/schema";
import type { AccountFilter } from "@/lib/types/metrics";
import type { SubscriptionEventType } from "@/lib/values";
import { segmentPlanWhere } from "./filters";

/** The event types after which an account is not a customer (docs/metrics.md). */
export const NOT_CUSTOMER: SubscriptionEventType[] = ["canceled", "trial_started"];

/** Each account's last event strictly before `at` (same instant: the later received wins), of accounts matching `where`. */
export function lastEventsBefore(db: Db, at: Date, where?: SQL, name = "last") {
  return db
    .selectDistinctOn([e.accountId], { accountId: e.accountId, type: e.type, mrrAfterCents: e.mrrAfterCents })
    .from(e)
    .innerJoin(accounts, eq(accounts.id, e.accountId))
    .where(and(lt(e.occurredAt, at), where))
    .orderBy(e.accountId, desc(e.occurredAt), desc(e.seq))
    .as(name);
}

export interface CustomersAt {
  customers: number;
  mrrCents: number;
  /** Accounts with at least one subscription event before the instant: the customers' universe. */
  accountsWithHistory: number;
}

export async function customersAt(db: Db, at: Date, filter: AccountFilter = {}): Promise<CustomersAt> {
  const last = lastEventsBefore(db, at, segmentPlanWhere(filter, accounts));
  const customer = notInArray(last.type, NOT_CUSTOMER);
  const [row] = await db
    .select({
      customers: sql<number>`count(*) filter (where ${customer})`.mapWith(Number),
      mrrCents: sql<number>`coalesce(sum(${last.mrrAfterCents}) filter (where ${customer}), 0)`.mapWith(Number),
      accountsWithHistory: count(),
    })
    .from(last);
  return {
    customers: row?.customers ?? 0,
    mrrCents: row?.mrrCents ?? 0,
    accountsWithHistory: row?.accountsWithHistory ?? 0,
  };
}

export interface SegmentCustomers {
  segment: string | null;
  customers: number;
  mrrCents: number;
}

export async function customersBySegmentAt(db: Db, at: Date): Promise<SegmentCustomers[]> {
  const last = lastEventsBefore(db, at);
  const mrrCents = sql<number>`coalesce(sum(${last.mrrAfterCents}), 0)`.mapWith(Number);
  return db
    .select({ segment: accounts.segment, customers: count(), mrrCents })
    .from(last)
    .innerJoin(accounts, eq(accounts.id, last.accountId))
    .where(notInArray(last.type, NOT_CUSTOMER))
    .groupBy(accounts.segment)
    .orderBy(desc(mrrCents));
}
