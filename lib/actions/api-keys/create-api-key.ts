"use server";
// Admin: make an API key; the key is returned once and never stored.
import { getDb } from "@/db/client";
import { createApiKey } from "@/db/queries/api-keys";
import { action, actorOf } from "@/lib/actions/safe-action";
import { apiKeySchema } from "@/lib/validation/api-keys";

const create = action("admin", apiKeySchema, async (input, user) => {
  const made = await createApiKey(await getDb(), input, actorOf(user));
  return { key: made.key, prefix: made.prefix };
});

export async function createApiKeyAction(input: unknown) {
  return create(input);
}
