// Postgres enums shared by the Holdfast schema; values are part of the wire format (docs/api.md).
import { pgEnum } from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/auth/roles";
import { SUBSCRIPTION_EVENT_TYPES } from "@/lib/metrics/state";
import { SEGMENTS } from "@/lib/validation/accounts";

export const userRole = pgEnum("user_role", ROLES);
export const segment = pgEnum("segment", SEGMENTS);
export const subscriptionEventType = pgEnum("subscription_event_type", SUBSCRIPTION_EVENT_TYPES);
export const accountStatus = pgEnum("account_status", ["none", "trial", "active", "paused", "canceled"]);
export const signalKind = pgEnum("signal_kind", [
  "payment_failed",
  "payment_recovered",
  "ticket_opened",
  "ticket_closed",
  "nps",
]);
export const saveOffer = pgEnum("save_offer", ["none", "pause", "downgrade", "discount", "talk_to_us"]);
export const cancellationOutcome = pgEnum("cancellation_outcome", ["canceled", "saved", "paused", "downgraded"]);
export const triageStatus = pgEnum("triage_status", ["open", "contacted", "in_progress", "saved", "lost", "dismissed"]);
export const triageKind = pgEnum("triage_kind", ["recovery", "conversion"]);
export const outreachChannel = pgEnum("outreach_channel", ["email", "call", "meeting", "in_app", "other"]);
export const actorType = pgEnum("actor_type", ["user", "api_key", "system", "anonymous"]);
