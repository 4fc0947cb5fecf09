"use server";
// Admin: add a webhook endpoint; its signing secret is returned once. The URL must be https and
// must not reach a private, loopback or link-local address (refused under the URL field).
import { getDb } from "@/db/client";
import { createWebhookEndpoint } from "@/db/queries/webhooks";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { webhookEndpointSchema } from "@/lib/validation/webhooks";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";

const create = action("admin", webhookEndpointSchema, async (input, user) => {
  const checked = await checkWebhookUrl(input.url);
  if (!checked.ok) return new Refusal(422, checked.message, { field: "url" });
  return createWebhookEndpoint(await getDb(), { ...input, url: checked.url }, actorOf(user));
});

export async function createWebhookAction(input: unknown) {
  return create(input);
}
