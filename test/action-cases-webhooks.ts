// The webhook actions as fuzzing cases (see test/action-cases.ts).
import { replayDelivery, sendTestEvent } from "@/db/queries/webhook-deliveries";
import { createWebhookEndpoint, setWebhookEnabled } from "@/db/queries/webhooks";
import {
  replayDeliverySchema,
  setWebhookEnabledSchema,
  webhookEndpointIdSchema,
  webhookEndpointSchema,
} from "@/lib/validation/webhooks";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import { type ActionCase, actionCase, actor } from "./action-case";

export const WEBHOOK_ACTION_CASES: ActionCase[] = [
  actionCase({
    action: "createWebhookAction",
    schema: webhookEndpointSchema,
    valid: () => ({ url: "https://hooks.example.com/fuzz", description: "Fuzz", events: ["account.entered_queue"] }),
    run: async (db, i, f) => {
      // The address check resolves the name: here to a public address, so no lookup leaves the machine.
      const checked = await checkWebhookUrl(i.url, { allowPrivate: false, lookup: async () => ["93.184.216.34"] });
      return checked.ok ? createWebhookEndpoint(db, { ...i, url: checked.url }, actor(f.admin)) : undefined;
    },
  }),
  actionCase({
    action: "setWebhookEnabledAction",
    schema: setWebhookEnabledSchema,
    valid: (f) => ({ id: f.endpointId, enabled: false }),
    run: (db, i, f) => setWebhookEnabled(db, i.id, i.enabled, actor(f.admin)),
  }),
  actionCase({
    action: "sendTestEventAction",
    schema: webhookEndpointIdSchema,
    valid: (f) => ({ id: f.endpointId }),
    run: (db, i, f) => sendTestEvent(db, i.id, actor(f.admin)),
  }),
  actionCase({
    action: "replayDeliveryAction",
    schema: replayDeliverySchema,
    valid: (f) => ({ id: f.deliveryId }),
    run: (db, i, f) => replayDelivery(db, i.id, actor(f.admin)),
  }),
];
