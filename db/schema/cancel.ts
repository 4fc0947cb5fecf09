// The cancel flow (SPEC §7): flows admins edit, each saved as a new version (a session keeps the
// version it started on), and the sessions customers walk through on the public cancel page.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { CancelFlowContent, CancelOfferShown } from "@/lib/types/cancel-flow";
import type { CancelStep } from "@/lib/values";
import { accounts } from "./accounts";
import { cancelSessionStatus } from "./enums";
import { apiKeys, users } from "./users";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const cancelFlows = pgTable(
  "cancel_flows",
  {
    id: text("id").primaryKey(),
    /** The flow used when no targeted flow matches; exactly one. */
    isDefault: boolean("is_default").notNull().default(false),
    /** Targeted flows are tried in this order, lowest first; the first match wins. */
    position: integer("position").notNull().default(0),
    archivedAt: at("archived_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cancel_flows_one_default_idx")
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
);

export const cancelFlowVersions = pgTable(
  "cancel_flow_versions",
  {
    id: text("id").primaryKey(),
    flowId: text("flow_id")
      .notNull()
      .references(() => cancelFlows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    /** Targeting (empty = any): segments, plans, locales (BCP 47; `de` matches `de-AT`). */
    segments: text("segments")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    plans: text("plans")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    locales: text("locales")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    content: jsonb("content").$type<CancelFlowContent>().notNull(),
    /** What this version changed from the one before, in words. */
    changes: text("changes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cancel_flow_versions_flow_version_idx").on(t.flowId, t.version)],
);

export const cancelSessions = pgTable(
  "cancel_sessions",
  {
    /** `cs_…`: the id the customer's backend reads back and the webhook carries. */
    id: text("id").primaryKey(),
    /** SHA-256 of the URL's token (≥ 128 random bits); the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    flowVersionId: text("flow_version_id")
      .notNull()
      .references(() => cancelFlowVersions.id),
    status: cancelSessionStatus("status").notNull().default("open"),
    locale: text("locale").notNull(),
    returnUrl: text("return_url").notNull(),
    userRef: text("user_ref"),
    email: text("email"),
    /** The experiment variant this session was assigned (null: the flow version runs none). */
    variant: text("variant"),
    /** The step the customer is on. */
    step: text("step").$type<CancelStep>().notNull(),
    stepsSeen: text("steps_seen")
      .array()
      .$type<CancelStep[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    reasonCode: text("reason_code"),
    freeText: text("free_text"),
    /** The offer shown for the chosen reason (null before one was shown). */
    offer: jsonb("offer").$type<CancelOfferShown>(),
    offerAccepted: boolean("offer_accepted").notNull().default(false),
    /** A test session from "Preview as account…": counted nowhere, triggers nothing. */
    preview: boolean("preview").notNull().default(false),
    apiKeyId: text("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    /** The first opening must come before this; never opened by then → `expired`. */
    expiresAt: at("expires_at").notNull(),
    openedAt: at("opened_at"),
    endedAt: at("ended_at"),
  },
  (t) => [
    uniqueIndex("cancel_sessions_token_idx").on(t.tokenHash),
    index("cancel_sessions_account_idx").on(t.accountId, t.createdAt),
    index("cancel_sessions_open_idx")
      .on(t.status, t.expiresAt)
      .where(sql`${t.status} = 'open'`),
    index("cancel_sessions_created_idx").on(t.createdAt),
  ],
);
