"use server";
// Admin: save an old version of a cancel flow again, as its newest version.
import { getDb } from "@/db/client";
import { restoreCancelFlowVersion } from "@/db/queries/cancel-flows";
import { action, actorOf } from "@/lib/actions/safe-action";
import { describeFlowChanges } from "@/lib/cancel/diff";
import { env } from "@/lib/env";
import { restoreCancelFlowSchema } from "@/lib/validation/cancel-flow";
import { refusalOf } from "./refuse";
import { cancelFlowRefusal } from "./refusal-words";

const restore = action("admin", restoreCancelFlowSchema, async (input, user) => {
  const currency = env().CURRENCY;
  const result = await restoreCancelFlowVersion(await getDb(), input, actorOf(user), (a, b) =>
    describeFlowChanges(a, b, currency),
  );
  if (!result.ok) {
    const words = cancelFlowRefusal(
      result.reason === "gone"
        ? { reason: "gone", flowId: input.flowId }
        : result.reason === "no-version"
          ? { reason: "no-version", version: input.version }
          : result,
    );
    return refusalOf(words);
  }
  return { version: result.version, saved: result.saved };
});

export async function restoreCancelFlowAction(input: unknown) {
  return restore(input);
}
