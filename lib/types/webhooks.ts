// Webhook endpoints, deliveries and attempts as the admin pages show them (`When` is Date from a
// query, an ISO string once handed to a client component).
import type { WebhookDeliveryStatus } from "@/lib/values";

export interface WebhookEndpointRow<When = string> {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  createdAt: When;
  /** Deliveries in the last 24 hours, and how many of them failed for good. */
  recent: { deliveries: number; failed: number };
}

export interface WebhookDeliveryRow<When = string> {
  /** The `webhook-id`. */
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastAttemptAt: When | null;
  nextAttemptAt: When | null;
  createdAt: When;
}

export interface WebhookAttemptRow<When = string> {
  id: number;
  deliveryId: string;
  at: When;
  signedAt: When;
  trigger: "automatic" | "replay";
  statusCode: number | null;
  durationMs: number;
  response: string;
  error: string | null;
}

export interface DeliveryFilters {
  endpointId?: string;
  status?: WebhookDeliveryStatus;
  page: number;
}

/** The body every endpoint receives (Standard Webhooks): `timestamp` is the event's time, the same on a replay. */
export interface WebhookBody {
  type: string;
  timestamp: string;
  data: unknown;
}
