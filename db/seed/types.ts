// The rows a generated data set consists of, in the shapes the schema inserts.
import type {
  accounts,
  alertRules,
  activityFeatureMonths,
  activityUserMonths,
  cancelFlowVersions,
  cancelFlows,
  cancelSessions,
  cancellationResponses,
  signals,
  subscriptionEvents,
  users,
} from "@/db/schema";
import type { HealthSettings } from "@/lib/metrics/health";

export type UserRow = typeof users.$inferInsert & { password: string };
export type AccountRow = typeof accounts.$inferInsert;
export type EventRow = Omit<typeof subscriptionEvents.$inferInsert, "seq">;
export type SignalRow = Omit<typeof signals.$inferInsert, "seq">;
export type ResponseRow = Omit<typeof cancellationResponses.$inferInsert, "seq" | "categoryId">;
export type UserMonthRow = typeof activityUserMonths.$inferInsert;
export type FeatureMonthRow = typeof activityFeatureMonths.$inferInsert;
export type FlowRow = typeof cancelFlows.$inferInsert;
export type FlowVersionRow = typeof cancelFlowVersions.$inferInsert;
export type SessionRow = typeof cancelSessions.$inferInsert;
export type AlertRuleSeed = typeof alertRules.$inferInsert;

export interface Dataset {
  /** The day the data set ends: health is scored as of it. */
  anchor: Date;
  /** Health settings to start with (the key features of the generated product). */
  health: HealthSettings;
  users: UserRow[];
  accounts: AccountRow[];
  events: EventRow[];
  signals: SignalRow[];
  responses: ResponseRow[];
  userMonths: UserMonthRow[];
  featureMonths: FeatureMonthRow[];
  /** The cancel flows, their saved versions and the sessions customers walked through them. */
  cancelFlows: FlowRow[];
  cancelFlowVersions: FlowVersionRow[];
  cancelSessions: SessionRow[];
  /** Alert rules, run once at the anchor after loading so the inboxes have something in them. */
  alertRules: AlertRuleSeed[];
}
