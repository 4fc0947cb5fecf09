"use server";
// Admin: revoke an API key; requests with it are refused from then on.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { revokeApiKey } from "@/db/queries/api-keys";
import { action, actorOf } from "@/lib/actions/safe-action";

const revoke = action("admin", z.object({ id: z.string().min(1) }), async ({ id }, user) => {
  const done = await revokeApiKey(await getDb(), id, actorOf(user));
  revalidatePath("/admin/api-keys");
  return { revoked: done };
});

export async function revokeApiKeyAction(input: unknown) {
  return revoke(input);
}
