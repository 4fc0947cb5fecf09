// Turns a triage write's outcome into an action's answer: the new version and the item as the
// write left it, so the page shows the change at once; or the refusal, worded.
import type { Role } from "@/lib/values";
import type { ItemState, OutreachOutcome } from "@/lib/types/triage";
import { Refusal } from "@/lib/actions/safe-action";
import { refusalWords } from "./refusal-words";

export function refuseOrVersion(
  outcome: OutreachOutcome,
  role: Role,
): { version: number; item: ItemState | null } | Refusal {
  if (outcome.ok) return { version: outcome.version, item: outcome.item ?? null };
  const { status, error, details } = refusalWords(outcome, role);
  return new Refusal(status, error, details);
}
