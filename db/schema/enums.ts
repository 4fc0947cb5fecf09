// Postgres enums of the Holdfast schema, each built from its list in lib/values.ts; the values are part of
// the wire format (docs/api.md), and each list keeps the order the database was created with.
import { pgEnum } from "drizzle-orm/pg-core";
import {
  ACCOUNT_STATUSES,
  ACTOR_TYPES,
  CANCELLATION_OUTCOMES,
  CANCEL_SESSION_STATUSES,
  CONTACT_ROLES,
  JOB_STATUSES,
  OUTREACH_CHANNELS,
  ROLES,
  SAVE_OFFERS,
  SEGMENTS,
  SIGNAL_KINDS,
  SUBSCRIPTION_EVENT_TYPES,
  TRIAGE_KINDS,
  TRIAGE_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
} from "@/lib/values";

export const userRole = pgEnum("user_role", ROLES);
export const segment = pgEnum("segment", SEGMENTS);
export const subscriptionEventType = pgEnum("subscription_event_type", SUBSCRIPTION_EVENT_TYPES);
export const accountStatus = pgEnum("account_status", ACCOUNT_STATUSES);
export const signalKind = pgEnum("signal_kind", SIGNAL_KINDS);
export const contactRole = pgEnum("contact_role", CONTACT_ROLES);
export const saveOffer = pgEnum("save_offer", SAVE_OFFERS);
export const cancellationOutcome = pgEnum("cancellation_outcome", CANCELLATION_OUTCOMES);
export const triageStatus = pgEnum("triage_status", TRIAGE_STATUSES);
export const triageKind = pgEnum("triage_kind", TRIAGE_KINDS);
export const outreachChannel = pgEnum("outreach_channel", OUTREACH_CHANNELS);
export const actorType = pgEnum("actor_type", ACTOR_TYPES);
export const jobStatus = pgEnum("job_status", JOB_STATUSES);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);
export const cancelSessionStatus = pgEnum("cancel_session_status", CANCEL_SESSION_STATUSES);
