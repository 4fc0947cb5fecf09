// Staff users who sign in, and API keys for the ingestion and read APIs.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { userRole } from "./enums";

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    active: boolean("active").notNull().default(true),
    passwordHash: text("password_hash").notNull(),
    // A one-time password (an admin's reset, or the first one of a user made in the admin page):
    // nothing but changing it is allowed until it is changed.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // Carried in each session token; raising it (sign-out, a password change or reset, disabling)
    // ends every session issued before.
    sessionVersion: integer("session_version").notNull().default(0),
    // IANA zone of the user's daily digest (08:00 there); null until the browser's is adopted at first sign-in.
    timeZone: text("time_zone"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    // The first characters of the key, shown in the UI so a key can be recognised.
    prefix: text("prefix").notNull(),
    // SHA-256 of the whole key, hex; the key itself is shown once and never stored.
    hash: text("hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
    // Requests a minute this key may make; beyond it the API answers 429 with Retry-After.
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(600),
  },
  (t) => [uniqueIndex("api_keys_hash_idx").on(t.hash), index("api_keys_prefix_idx").on(t.prefix)],
);

/**
 * Counters for rate limits, shared by every server process: a fixed window per key
 * (`apikey:<id>`), and failure counts with backoff for sign-in (`signin:ip:…`, `signin:email:…`).
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true, precision: 3 }).notNull(),
  count: integer("count").notNull(),
});
