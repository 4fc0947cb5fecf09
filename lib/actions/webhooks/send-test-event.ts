"use server";
// Admin: queue one webhook.test event to an endpoint, whatever events it subscribes to.
import { getDb } from "@/db/client";
import { sendTestEvent } from "@/db/queries/webhook-deliveries";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { webhookEndpointIdSchema } from "@/lib/validation/webhooks";

const send = action("admin", webhookEndpointIdSchema, async ({ id }, user) => {
  const deliveryId = await sendTestEvent(await getDb(), id, actorOf(user));
  if (!deliveryId) return new Refusal(404, `There is no webhook endpoint ${id}.`);
  return { deliveryId };
});

export async function sendTestEventAction(input: unknown) {
  return send(input);
}
