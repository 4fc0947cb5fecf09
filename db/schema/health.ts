// Health scores (docs/metrics.md): the admin's settings and each account's latest score with its reasons.
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { HealthComponent, HealthWeights } from "@/lib/metrics/health";
import { accounts } from "./accounts";
import { users } from "./users";

/** One row (id 1); without it the defaults of lib/metrics/health apply. */
export const healthSettings = pgTable(
  "health_settings",
  {
    id: integer("id").primaryKey().default(1),
    weights: jsonb("weights").$type<HealthWeights>().notNull(),
    keyFeatures: text("key_features").array().notNull(),
    threshold: smallint("threshold").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("health_settings_single_row", sql`${t.id} = 1`)],
);

export const healthScores = pgTable(
  "health_scores",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    score: real("score").notNull(),
    // The same settings applied 7 days earlier: the trend the queue shows beside the score.
    scoreWeekAgo: real("score_week_ago"),
    components: jsonb("components").$type<HealthComponent[]>().notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    // When the score last crossed below the threshold: an account re-enters the queue only by
    // falling below it again after its previous item was closed.
    belowSince: timestamp("below_since", { withTimezone: true, precision: 3 }),
    computedAt: timestamp("computed_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  // Serves the queue's entry scan (accounts below the threshold).
  (t) => [index("health_scores_score_idx").on(t.score)],
);

/**
 * The score's history for the account page's chart: a snapshot whenever the score moved by at least
 * a point from the last one, and at least once a week while the account is scored.
 */
export const healthHistory = pgTable(
  "health_history",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    score: real("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.at] })],
);
