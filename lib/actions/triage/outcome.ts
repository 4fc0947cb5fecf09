// Turns a triage write's outcome into an action's answer.
import type { ChangeOutcome } from "@/db/queries/triage";
import { Refusal } from "@/lib/actions/safe-action";

export function refuseOrVersion(outcome: ChangeOutcome): { version: number } | Refusal {
  if (outcome.ok) return { version: outcome.version };
  if (outcome.status === 409)
    return new Refusal(409, outcome.error, { changedBy: outcome.changedBy, changedAt: outcome.changedAt });
  return new Refusal(outcome.status, outcome.error);
}
