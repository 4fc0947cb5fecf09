"use server";
// Admin: queue one webhook.test event to an endpoint, whatever events it subscribes to. A disabled
// endpoint is refused here (its button mirrors this): nothing would be sent to it.
import { getDb } from "@/db/client";
import { sendTestEvent } from "@/db/queries/webhook-deliveries";
import { getWebhookEndpoint } from "@/db/queries/webhooks";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { webhookEndpointIdSchema } from "@/lib/validation/webhooks";

const send = action("admin", webhookEndpointIdSchema, async ({ id }, user) => {
  const db = await getDb();
  const endpoint = await getWebhookEndpoint(db, id);
  if (!endpoint) return new Refusal(404, `There is no webhook endpoint ${id}.`);
  if (!endpoint.enabled) return new Refusal(409, "The endpoint is disabled: enable it to send a test event.");
  const deliveryId = await sendTestEvent(db, id, actorOf(user));
  if (!deliveryId) return new Refusal(404, `There is no webhook endpoint ${id}.`);
  return { deliveryId };
});

export async function sendTestEventAction(input: unknown) {
  return send(input);
}
