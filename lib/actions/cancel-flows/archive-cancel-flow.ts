"use server";
// Admin: archive a targeted cancel flow; sessions already on it keep their version. Never the default.
import { getDb } from "@/db/client";
import { archiveCancelFlow } from "@/db/queries/cancel-flows";
import { action, actorOf } from "@/lib/actions/safe-action";
import { cancelFlowIdSchema } from "@/lib/validation/cancel-flow";
import { refusalOf } from "./refuse";
import { cancelFlowRefusal } from "./refusal-words";

const archive = action("admin", cancelFlowIdSchema, async ({ flowId }, user) => {
  const result = await archiveCancelFlow(await getDb(), flowId, actorOf(user));
  if (result.ok) return { flowId };
  const words = cancelFlowRefusal(
    result.reason === "gone" ? { reason: "gone", flowId } : { reason: "default", doing: "archive" },
  );
  return refusalOf(words);
});

export async function archiveCancelFlowAction(input: unknown) {
  return archive(input);
}
