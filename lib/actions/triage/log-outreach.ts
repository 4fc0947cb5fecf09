"use server";
// Logs a call, e-mail or meeting against an account (and its queue item, with a follow-up date).
import { getDb } from "@/db/client";
import { logOutreach } from "@/db/queries/triage-outreach";
import { action, actorOf } from "@/lib/actions/safe-action";
import { logOutreachSchema } from "@/lib/validation/triage";
import { refuseOrVersion } from "./outcome";

const log = action("cs", logOutreachSchema, async (input, user) =>
  refuseOrVersion(await logOutreach(await getDb(), user, input, actorOf(user)), user.role),
);

export async function logOutreachAction(input: unknown) {
  return log(input);
}
