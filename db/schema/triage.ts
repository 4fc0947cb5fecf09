// The at-risk queue and the outreach the CS team logs against it.
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { outreachChannel, triageKind, triageStatus } from "./enums";
import { LIVE_STATUSES } from "@/lib/values";
import { users } from "./users";

export const triageItems = pgTable(
  "triage_items",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // Recovery (a paying customer slipping) and conversion (a trial ending) are kept apart.
    kind: triageKind("kind").notNull().default("recovery"),
    // health (fell below the threshold), trial (trial ending), manual (added from a list).
    source: text("source").notNull().default("health"),
    status: triageStatus("status").notNull().default("open"),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true, precision: 3 }),
    riskScore: integer("risk_score"),
    reasons: jsonb("reasons").$type<string[]>().notNull().default([]),
    // Optimistic concurrency: an update names the version it saw.
    version: integer("version").notNull().default(1),
    // Who made the latest change (null: Holdfast itself), so a stale write can say who won.
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    lastOutreachAt: timestamp("last_outreach_at", { withTimezone: true, precision: 3 }),
    nextFollowUpOn: date("next_follow_up_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("triage_items_account_idx").on(t.accountId),
    index("triage_items_assignee_idx").on(t.assigneeId, t.status),
    // At most one live item per account and kind: an account is not re-added while one is open
    // or snoozed (snoozing keeps the status). Constant SQL from lib/values: the text the migration holds.
    uniqueIndex("triage_items_live_idx")
      .on(t.accountId, t.kind)
      .where(sql`${t.status} in (${sql.raw(LIVE_STATUSES.map((s) => `'${s}'`).join(", "))})`),
    // Serves the Due today view.
    index("triage_items_follow_up_idx").on(t.nextFollowUpOn),
  ],
);

export const outreachLogs = pgTable(
  "outreach_logs",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    triageItemId: text("triage_item_id").references(() => triageItems.id, { onDelete: "set null" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    channel: outreachChannel("channel").notNull(),
    summary: text("summary").notNull(),
    outcome: text("outcome"),
    nextFollowUpOn: date("next_follow_up_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("outreach_logs_account_idx").on(t.accountId, t.occurredAt),
    index("outreach_logs_follow_up_idx").on(t.nextFollowUpOn),
  ],
);
