// Alert rules and what they tell people (SPEC §8): each rule's firings (once per account and
// condition until it clears), the in-app inbox, each user's choices per kind of notification, and
// the log of every e-mail and Slack post sent through the job queue.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AlertActions, AlertFilters, AlertTrigger } from "@/lib/types/alerts";
import { accounts } from "./accounts";
import { users } from "./users";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const alertRules = pgTable("alert_rules", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  /** When: the condition and its number (points, days). */
  trigger: jsonb("trigger").$type<AlertTrigger>().notNull(),
  /** Only accounts with at least this MRR, in this segment, on this plan (each optional). */
  filters: jsonb("filters").$type<AlertFilters>().notNull(),
  /** Then: assign, follow-up, notify, Slack. */
  actions: jsonb("actions").$type<AlertActions>().notNull(),
  /** Round-robin: how many firings have been assigned so far (the next assignee is this modulo the list). */
  assignedCount: integer("assigned_count").notNull().default(0),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const alertFirings = pgTable(
  "alert_firings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: text("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** Which occurrence of the condition: a cancel session's id, a trial's end, a failed payment's time ("" for a state). */
    conditionKey: text("condition_key").notNull().default(""),
    /** The condition in words, as the rule saw it ("Health fell 14 points in 7 days, to 41"). */
    detail: text("detail").notNull(),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    firedAt: at("fired_at").notNull(),
    /** When the condition stopped holding: the rule may fire again on the account after this. */
    clearedAt: at("cleared_at"),
  },
  (t) => [
    // Once per account and condition while it holds.
    uniqueIndex("alert_firings_open_idx")
      .on(t.ruleId, t.accountId, t.conditionKey)
      .where(sql`${t.clearedAt} is null`),
    index("alert_firings_rule_idx").on(t.ruleId, t.firedAt),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** lib/values NOTIFICATION_KINDS. */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** Where it leads in the app (a path: /accounts/…, /at-risk?…). */
    href: text("href").notNull(),
    accountId: text("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    firingId: bigint("firing_id", { mode: "number" }).references(() => alertFirings.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
    readAt: at("read_at"),
    /** When the daily digest carried it (digest-only notifications wait for it). */
    digestedAt: at("digested_at"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** A user's choice per kind (lib/values NOTIFICATION_DELIVERIES); a kind without a row takes its default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    delivery: text("delivery").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Every e-mail and Slack post: one row per message (its id is the e-mail's Message-ID), updated by each attempt. */
export const messageDeliveries = pgTable(
  "message_deliveries",
  {
    /** `<…@holdfast>` for an e-mail (its Message-ID), `slack_…` for a Slack post. */
    id: text("id").primaryKey(),
    channel: text("channel", { enum: ["email", "slack"] }).notNull(),
    /** The address, or the Slack URL's host and path start. */
    recipient: text("recipient").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** alert, digest_daily, digest_weekly, test. */
    purpose: text("purpose").notNull(),
    subject: text("subject").notNull(),
    /** What is sent: e-mail {to, subject, text, html}, Slack {url, body}. */
    message: jsonb("message").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull(),
    lastAttemptAt: at("last_attempt_at"),
    deliveredAt: at("delivered_at"),
  },
  (t) => [index("message_deliveries_created_idx").on(t.createdAt), index("message_deliveries_user_idx").on(t.userId)],
);

/** Each user's digest per local day (daily) or week (weekly, keyed by its Monday): made once, sent only when not empty. */
export const digestRuns = pgTable(
  "digest_runs",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["daily", "weekly"] }).notNull(),
    /** The day in the user's zone, YYYY-MM-DD. */
    day: text("day").notNull(),
    /** The e-mail's Message-ID, or null when there was nothing to send. */
    messageId: text("message_id"),
    at: at("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.day] })],
);
