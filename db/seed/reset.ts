// Empties the data tables (not the taxonomy) so a preset can be loaded again.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export async function resetData(db: Db): Promise<void> {
  await db.execute(sql`
    truncate table outreach_logs, triage_items, activity_user_months, activity_feature_months, signals,
      cancellation_responses, subscription_events, accounts, api_keys, audit_log, users
    restart identity cascade
  `);
}
