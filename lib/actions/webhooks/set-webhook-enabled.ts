"use server";
// Admin: switch a webhook endpoint on or off; a disabled endpoint gets no new events.
import { getDb } from "@/db/client";
import { setWebhookEnabled } from "@/db/queries/webhooks";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { setWebhookEnabledSchema } from "@/lib/validation/webhooks";

const setEnabled = action("admin", setWebhookEnabledSchema, async ({ id, enabled }, user) => {
  const done = await setWebhookEnabled(await getDb(), id, enabled, actorOf(user));
  if (!done) return new Refusal(404, `There is no webhook endpoint ${id}.`);
  return { enabled };
});

export async function setWebhookEnabledAction(input: unknown) {
  return setEnabled(input);
}
