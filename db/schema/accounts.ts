// Customer accounts and their subscription history (the source of every churn metric).
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accountStatus, segment, subscriptionEventType } from "./enums";
import { users } from "./users";

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    domain: text("domain"),
    plan: text("plan"),
    segment: segment("segment"),
    seatsPaid: integer("seats_paid"),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    trialEndsAt: timestamp("trial_ends_at", { withTimezone: true, precision: 3 }),
    /** When the current contract term ends (the next renewal), and how many months a term runs. */
    renewsAt: timestamp("renews_at", { withTimezone: true, precision: 3 }),
    contractMonths: smallint("contract_months"),
    /** The account's Stripe subscription (`sub_…`): the cancel flow applies its outcome there. */
    stripeSubscriptionId: text("stripe_subscription_id"),
    // Cache of the state rules of docs/metrics.md at the latest event; metrics recompute from events.
    status: accountStatus("status").notNull().default("none"),
    mrrCents: integer("mrr_cents").notNull().default(0),
    // The first converted event (cohort membership), also cached from the events.
    cohortMonth: date("cohort_month", { mode: "string" }),
    cohortConvertedAt: timestamp("cohort_converted_at", { withTimezone: true, precision: 3 }),
    cohortBaseMrrCents: integer("cohort_base_mrr_cents").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_external_id_idx").on(t.externalId),
    index("accounts_name_idx").on(t.name),
    index("accounts_owner_idx").on(t.ownerId),
    // Serves the cohort of the month that has not ended yet, and cohort drill-through.
    index("accounts_cohort_idx").on(t.cohortMonth),
    // Serves "renews within N days" on the accounts list.
    index("accounts_renews_idx").on(t.renewsAt),
  ],
);

export const subscriptionEvents = pgTable(
  "subscription_events",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // Arrival order: events of one account at the same instant apply in the order received.
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    externalId: text("external_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    type: subscriptionEventType("type").notNull(),
    mrrAfterCents: integer("mrr_after_cents").notNull().default(0),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.seq] }),
    // Serves the state-at-instant lookups: last event before t per account.
    index("subscription_events_account_time_idx").on(t.accountId, t.occurredAt, t.seq),
    index("subscription_events_time_idx").on(t.occurredAt),
    uniqueIndex("subscription_events_external_id_idx").on(t.accountId, t.externalId),
  ],
);
