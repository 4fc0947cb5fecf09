// The schemas of webhook endpoints (the admin form, its actions and the CLI share them) and of the
// delivery log's search params.
import { z } from "zod";
import type { DeliveryFilters } from "@/lib/types/webhooks";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from "@/lib/values";
import { pageNumber } from "./page";
import { safeText, text } from "./text";

const id = (what: string) => safeText(100, { message: `${what} is required` }).min(1, `${what} is required`);

export const webhookEndpointSchema = z.object({
  url: text({ message: "url is required" })
    .trim()
    .min(1, "url is required")
    .max(2000, "url must be at most 2000 characters"),
  description: safeText(200).trim().optional().default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { message: `events must be among ${WEBHOOK_EVENT_TYPES.join(", ")}` }), {
      message: "choose at least one event",
    })
    .min(1, "choose at least one event")
    .transform((e) => [...new Set(e)]),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointIdSchema = z.object({ id: id("id") });

export const setWebhookEnabledSchema = z.object({
  id: id("id"),
  enabled: z.boolean({ message: "enabled must be true or false" }),
});

export const replayDeliverySchema = z.object({ id: id("id") });

/** The delivery log's URL: `endpoint`, `status`, `page`, and `delivery` (the one whose attempts are open). */
export const deliveryLogSchema = z.object({
  endpoint: safeText(100).optional().catch(undefined),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional().catch(undefined),
  page: pageNumber().default(1).catch(1),
  delivery: safeText(100).optional().catch(undefined),
});
export type DeliveryLogParams = z.infer<typeof deliveryLogSchema>;

export function deliveryFilters(params: DeliveryLogParams): DeliveryFilters {
  return { endpointId: params.endpoint, status: params.status, page: params.page };
}
