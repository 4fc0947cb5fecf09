// What a person reads when a triage write refused, and the HTTP status it goes with: the queries
// answer with a reason and its facts, and this is the one place that words them.
import type { OutreachRefusal } from "@/lib/types/triage";
import type { Role } from "@/lib/values";

export interface RefusalWords {
  status: 403 | 404 | 409;
  error: string;
  /** Only for a 409: who changed the item (null: Holdfast itself, or no one) and when. */
  details?: { changedBy: string | null; changedAt: string };
}

/** `role`: the role of the person refused, which the "not yours" answer names. */
export function refusalWords(refusal: OutreachRefusal, role: Role): RefusalWords {
  switch (refusal.reason) {
    case "gone":
      return { status: 404, error: "This item is no longer in the queue." };
    case "other-account":
      return { status: 404, error: "This item belongs to another account." };
    case "no-account":
      return { status: 404, error: `No account with externalId ${refusal.externalId}.` };
    case "changed": {
      const { changedBy, changedAt } = refusal;
      return {
        status: 409,
        error: `${changedBy ?? "Holdfast"} changed this item at ${changedAt.slice(11, 16)} UTC after you opened it. Reload to see their change; nothing of yours was saved.`,
        details: { changedBy, changedAt },
      };
    }
    case "another-live-item":
      return {
        status: 409,
        error: "This account has another open item in the queue; work on that one.",
        details: { changedBy: null, changedAt: refusal.changedAt },
      };
    case "not-yours":
      return {
        status: 403,
        error: `This item is assigned to someone else; as ${role} you can change only your own or unassigned items.`,
      };
    case "assign-to-self-only":
      return { status: 403, error: "You can assign items only to yourself; a manager can assign them to anyone." };
    case "assignee-unavailable":
      return { status: 403, error: "That user does not exist or is disabled." };
    case "follow-up-theirs":
      return {
        status: 403,
        error: `This item is ${refusal.assigneeName}’s: its follow-up is theirs to set. Log the outreach without one.`,
      };
  }
}
