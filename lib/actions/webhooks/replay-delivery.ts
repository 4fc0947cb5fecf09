"use server";
// Admin: send a delivery again, now, once: same webhook-id and body, a new timestamp and signature.
import { getDb } from "@/db/client";
import { replayDelivery } from "@/db/queries/webhook-deliveries";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { replayDeliverySchema } from "@/lib/validation/webhooks";

const replay = action("admin", replayDeliverySchema, async ({ id }, user) => {
  const deliveryId = await replayDelivery(await getDb(), id, actorOf(user));
  if (!deliveryId) return new Refusal(404, `There is no delivery ${id}.`);
  return { deliveryId };
});

export async function replayDeliveryAction(input: unknown) {
  return replay(input);
}
