// The plans in use, for the filter's choices.
import { asc, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";

export async function listPlans(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ plan: accounts.plan })
    .from(accounts)
    .where(isNotNull(accounts.plan))
    .orderBy(asc(accounts.plan));
  return rows.flatMap((r) => (r.plan === null ? [] : [r.plan]));
}
