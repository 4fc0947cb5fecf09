// The cancellation survey: reason categories (versioned taxonomy) and the answers customers gave.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { cancellationOutcome, saveOffer } from "./enums";
import { users } from "./users";

export const taxonomyVersions = pgTable("taxonomy_versions", {
  version: integer("version").primaryKey(),
  note: text("note").notNull(),
  createdById: text("created_by_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const reasonCategories = pgTable(
  "reason_categories",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Whether answers filed here count as regrettable by default; null only for Uncategorized, whose
    // answers are not yet filed and count as neither (docs/metrics.md).
    regrettable: boolean("regrettable"),
    // A theme token (chart-1 … chart-12), not a hex value: colours come from one theme.
    color: text("color").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    // The Uncategorized bucket, where new answers with no known reason code wait for an admin.
    isUncategorized: boolean("is_uncategorized").notNull().default(false),
    archivedAt: timestamp("archived_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reason_categories_slug_idx").on(t.slug),
    check("reason_categories_regrettable_check", sql`(${t.regrettable} is null) = ${t.isUncategorized}`),
  ],
);

// The category a new answer with this reason code is filed into.
export const reasonCodeDefaults = pgTable("reason_code_defaults", {
  reasonCode: text("reason_code").primaryKey(),
  categoryId: text("category_id")
    .notNull()
    .references(() => reasonCategories.id),
});

export const cancellationResponses = pgTable(
  "cancellation_responses",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    externalId: text("external_id"),
    submittedAt: timestamp("submitted_at", { withTimezone: true, precision: 3 }).notNull(),
    reasonCode: text("reason_code").notNull(),
    freeText: text("free_text"),
    competitor: text("competitor"),
    offerShown: saveOffer("offer_shown").notNull().default("none"),
    offerAccepted: boolean("offer_accepted").notNull().default(false),
    outcome: cancellationOutcome("outcome").notNull(),
    categoryId: text("category_id")
      .notNull()
      .references(() => reasonCategories.id),
    // null: the category's default; true/false: this answer overrides it.
    regrettableOverride: boolean("regrettable_override"),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.seq] }),
    index("cancellation_responses_submitted_idx").on(t.submittedAt),
    index("cancellation_responses_category_idx").on(t.categoryId),
    uniqueIndex("cancellation_responses_external_id_idx").on(t.accountId, t.externalId),
  ],
);

// Every time an answer moves to another category after it arrived: who, when, from what, to
// what, under which taxonomy version and why. (Its first category is the first row's `from`, or
// its category now when it never moved.)
export const answerFilings = pgTable(
  "answer_filings",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    responseSeq: bigint("response_seq", { mode: "number" }).notNull(),
    fromCategoryId: text("from_category_id")
      .notNull()
      .references(() => reasonCategories.id),
    toCategoryId: text("to_category_id")
      .notNull()
      .references(() => reasonCategories.id),
    taxonomyVersion: integer("taxonomy_version").notNull(),
    // file (by hand), rule, merge, split, archive
    cause: text("cause").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // Serves one answer's history on the workbench.
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    index("answer_filings_response_idx").on(t.accountId, t.responseSeq),
  ],
);

// A keyword or regular expression (and optionally a reason code) that suggests a category for
// uncategorized answers.
export const categorizationRules = pgTable("categorization_rules", {
  id: text("id").primaryKey(),
  pattern: text("pattern").notNull(),
  matchKind: text("match_kind").notNull(), // keyword | regex
  reasonCode: text("reason_code"),
  categoryId: text("category_id")
    .notNull()
    .references(() => reasonCategories.id),
  createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  archivedAt: timestamp("archived_at", { withTimezone: true, precision: 3 }),
});
