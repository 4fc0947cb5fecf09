// Turns a triage write's outcome into an action's answer: the new version and the item as the
// write left it, so the page shows the change at once.
import type { ChangeOutcome, ItemState } from "@/db/queries/triage";
import { Refusal } from "@/lib/actions/safe-action";

export function refuseOrVersion(outcome: ChangeOutcome): { version: number; item: ItemState | null } | Refusal {
  if (outcome.ok) return { version: outcome.version, item: outcome.item ?? null };
  if (outcome.status === 409)
    return new Refusal(409, outcome.error, { changedBy: outcome.changedBy, changedAt: outcome.changedAt });
  return new Refusal(outcome.status, outcome.error);
}
