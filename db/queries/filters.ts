// The segment and plan filters of every metric, as one WHERE fragment. They use the account's
// current values, which the rollup tables also carry.
import { type SQL, sql } from "drizzle-orm";

export interface AccountFilter {
  segment?: "smb" | "mid" | "enterprise";
  plan?: string;
}

/** `true`, or the conditions on `alias.segment` / `alias.plan` (unqualified without an alias). */
export function segmentPlanWhere(filter: AccountFilter, alias?: string): SQL {
  const column = (name: string) => sql.raw(alias ? `${alias}.${name}` : name);
  const parts: SQL[] = [sql`true`];
  if (filter.segment) parts.push(sql`${column("segment")} = ${filter.segment}`);
  if (filter.plan) parts.push(sql`${column("plan")} = ${filter.plan}`);
  return sql.join(parts, sql` and `);
}
