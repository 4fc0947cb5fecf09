"use server";
// Admin: revoke an API key; requests with it are refused from then on.
import { getDb } from "@/db/client";
import { revokeApiKey } from "@/db/queries/api-keys";
import { action, actorOf } from "@/lib/actions/safe-action";
import { revokeApiKeySchema } from "@/lib/validation/api-keys";

const revoke = action("admin", revokeApiKeySchema, async ({ id }, user) => {
  const done = await revokeApiKey(await getDb(), id, actorOf(user));
  return { revoked: done };
});

export async function revokeApiKeyAction(input: unknown) {
  return revoke(input);
}
