// Empties the data tables (not the taxonomy) so a preset can be loaded again.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accounts,
  activityFeatureMonths,
  activityUserMonths,
  apiKeys,
  auditLog,
  cancelFlowVersions,
  cancelFlows,
  cancelSessions,
  cancellationResponses,
  outreachLogs,
  signals,
  subscriptionEvents,
  triageItems,
  users,
} from "@/db/schema";

// Sessions before the flow versions they started on, and those before their flows.
const DATA_TABLES = [
  cancelSessions,
  cancelFlowVersions,
  cancelFlows,
  outreachLogs,
  triageItems,
  activityUserMonths,
  activityFeatureMonths,
  signals,
  cancellationResponses,
  subscriptionEvents,
  accounts,
  apiKeys,
  auditLog,
  users,
];

export async function resetData(db: Db): Promise<void> {
  await db.execute(sql`truncate table ${sql.join(DATA_TABLES, sql`, `)} restart identity cascade`);
}
