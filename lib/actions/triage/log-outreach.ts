"use server";
// Logs a call, e-mail or meeting against an account (and its queue item, with a follow-up date).
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { logOutreach } from "@/db/queries/triage";
import { action, actorOf } from "@/lib/actions/safe-action";
import { logOutreachSchema } from "@/lib/validation/triage";
import { refuseOrVersion } from "./outcome";

const log = action("cs", logOutreachSchema, async (input, user) => {
  const outcome = await logOutreach(await getDb(), user, input, actorOf(user));
  if (outcome.ok) {
    revalidatePath("/at-risk");
    revalidatePath(`/accounts/${encodeURIComponent(input.accountExternalId)}`);
  }
  return refuseOrVersion(outcome);
});

export async function logOutreachAction(input: unknown) {
  return log(input);
}
