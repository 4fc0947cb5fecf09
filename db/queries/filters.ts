// The segment and plan filters of every metric, as one WHERE fragment. They use the account's
// current values, which the rollup tables also carry.
import { type Column, type SQL, eq, sql } from "drizzle-orm";
import type { AccountFilter } from "@/lib/types/metrics";

export type { AccountFilter };

/** The segment and plan columns of the table a metric reads: accounts, or a rollup that copies them. */
export interface SegmentPlanColumns {
  segment: Column;
  plan: Column;
}

/** `true`, or the conditions on the table's segment and plan columns. */
export function segmentPlanWhere(filter: AccountFilter, columns: SegmentPlanColumns): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.segment) parts.push(eq(columns.segment, filter.segment));
  if (filter.plan) parts.push(eq(columns.plan, filter.plan));
  return sql.join(parts, sql` and `);
}
