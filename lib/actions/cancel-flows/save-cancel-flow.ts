"use server";
// Admin: save a cancel flow as its next version (or a new flow), with its changes in words; an
// unchanged flow makes no version, and a save over a version someone saved since is refused.
import { getDb } from "@/db/client";
import { saveCancelFlow } from "@/db/queries/cancel-flows";
import { action, actorOf } from "@/lib/actions/safe-action";
import { describeFlowChanges } from "@/lib/cancel/diff";
import { env } from "@/lib/env";
import { saveCancelFlowEditSchema } from "@/lib/validation/cancel-flow";
import { refusalOf } from "./refuse";
import { cancelFlowRefusal } from "./refusal-words";

const save = action("admin", saveCancelFlowEditSchema, async (input, user) => {
  const currency = env().CURRENCY;
  const result = await saveCancelFlow(await getDb(), input, actorOf(user), (a, b) =>
    describeFlowChanges(a, b, currency),
  );
  if (!result.ok) {
    const words = cancelFlowRefusal(result.reason === "gone" ? { reason: "gone", flowId: input.flowId ?? "" } : result);
    return refusalOf(words);
  }
  return result.saved
    ? { flowId: result.flowId, version: result.version, saved: true, changes: result.changes }
    : { flowId: result.flowId, version: result.version, saved: false, changes: [] };
});

export async function saveCancelFlowAction(input: unknown) {
  return save(input);
}
