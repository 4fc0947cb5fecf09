// The plans in use, for the filter's choices.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

export async function listPlans(db: Db): Promise<string[]> {
  const rows = await queryRows<{ plan: string }>(
    db,
    sql`select distinct plan from accounts where plan is not null order by plan`,
  );
  return rows.map((r) => r.plan);
}
