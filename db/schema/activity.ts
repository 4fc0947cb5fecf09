// Product activity stored as monthly rollups: one row per account, month and user (or feature),
// with a bitmask of the days of the month it was active (bit d-1 = day d). Distinct active users
// or features in any window of days are exact, and a year of a 50-person team is 600 rows.
import { date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const activityUserMonths = pgTable(
  "activity_user_months",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    userRef: text("user_ref").notNull(),
    activeDays: integer("active_days").notNull(),
    events: integer("events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.month, t.userRef] })],
);

export const activityFeatureMonths = pgTable(
  "activity_feature_months",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    feature: text("feature").notNull(),
    activeDays: integer("active_days").notNull(),
    events: integer("events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.month, t.feature] })],
);
