// A webhook as Standard Webhooks wants it: the body `{type, timestamp, data}` (timestamp = when the
// event happened, the same on every retry and replay) and the three headers, signed by the
// `standardwebhooks` package with the endpoint's `whsec_` secret.
import { Webhook } from "standardwebhooks";
import type { WebhookBody } from "@/lib/types/webhooks";

export interface SignedWebhook {
  /** The exact bytes signed and sent. */
  body: string;
  headers: { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };
  /** The signed time as sent: `sentAt` to the whole second. */
  signedAt: Date;
}

/** The JSON body of a delivery; `createdAt` is the event's time. */
export function webhookBody(delivery: { eventType: string; createdAt: Date; data: unknown }): string {
  const body: WebhookBody = {
    type: delivery.eventType,
    timestamp: delivery.createdAt.toISOString(),
    data: delivery.data,
  };
  return JSON.stringify(body);
}

/** Signs a delivery (its id is the `webhook-id`) for sending at `sentAt`. */
export function signWebhook(
  delivery: { id: string; eventType: string; createdAt: Date; data: unknown },
  secret: string,
  sentAt: Date,
): SignedWebhook {
  const body = webhookBody(delivery);
  const seconds = Math.floor(sentAt.getTime() / 1000);
  const signedAt = new Date(seconds * 1000);
  return {
    body,
    headers: {
      "webhook-id": delivery.id,
      "webhook-timestamp": String(seconds),
      "webhook-signature": new Webhook(secret).sign(delivery.id, signedAt, body),
    },
    signedAt,
  };
}
