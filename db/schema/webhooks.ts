// Signed webhooks to the customer's systems (Standard Webhooks): endpoints, one delivery per
// message and endpoint (its id is the `webhook-id`), and every attempt to deliver it.
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { webhookDeliveryStatus } from "./enums";
import { users } from "./users";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  /** The event types it receives (lib/values WEBHOOK_EVENT_TYPES). */
  events: text("events").array().notNull(),
  /** The signing secret, `whsec_` + base64: shown once, kept to sign. */
  secret: text("secret").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** `msg_…`: sent as `webhook-id`, the same on every retry and replay. */
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    /** The body's `data`; the body is `{type, timestamp: createdAt, data}`. */
    data: jsonb("data").notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastAttemptAt: at("last_attempt_at"),
    nextAttemptAt: at("next_attempt_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_status_idx").on(t.status, t.createdAt),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: at("at").notNull(),
    /** The `webhook-timestamp` signed (seconds since the epoch, as sent). */
    signedAt: at("signed_at").notNull(),
    /** automatic (the queue), replay (an admin, by hand). */
    trigger: text("trigger", { enum: ["automatic", "replay"] }).notNull(),
    /** The HTTP status answered; null when no answer came (refused, timed out, blocked address). */
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    /** The first 2 kB of the answer's body. */
    response: text("response").notNull().default(""),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.at)],
);
