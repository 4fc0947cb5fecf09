"use server";
// Admin: move a targeted cancel flow one place earlier or later in the order sessions try them.
import { getDb } from "@/db/client";
import { moveCancelFlow } from "@/db/queries/cancel-flows";
import { action, actorOf } from "@/lib/actions/safe-action";
import { moveCancelFlowSchema } from "@/lib/validation/cancel-flow";
import { refusalOf } from "./refuse";
import { cancelFlowRefusal } from "./refusal-words";

const move = action("admin", moveCancelFlowSchema, async ({ flowId, direction }, user) => {
  const result = await moveCancelFlow(await getDb(), flowId, direction, actorOf(user));
  if (result.ok) return { order: result.order };
  const words = cancelFlowRefusal(
    result.reason === "gone"
      ? { reason: "gone", flowId }
      : result.reason === "default"
        ? { reason: "default", doing: "move" }
        : { reason: "edge", direction },
  );
  return refusalOf(words);
});

export async function moveCancelFlowAction(input: unknown) {
  return move(input);
}
