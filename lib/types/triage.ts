// The shapes of the at-risk queue that the pages draw: a queue row, and an item as a write left it.
import type { TriageStatus } from "@/lib/values";

export interface QueueRow {
  id: string;
  version: number;
  kind: "recovery" | "conversion";
  status: TriageStatus;
  source: string;
  snoozedUntil: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  externalId: string;
  name: string;
  segment: string | null;
  plan: string | null;
  mrrCents: number;
  trialEndsAt: string | null;
  score: number | null;
  scoreWeekAgo: number | null;
  reasons: string[];
  lastOutreachAt: string | null;
  nextFollowUpOn: string | null;
}

/** An item as a write left it: the queue shows it at once, whatever order the page data arrives in. */
export interface ItemState {
  id: string;
  version: number;
  status: TriageStatus;
  assigneeId: string | null;
  snoozedUntil: string | null;
  lastOutreachAt: string | null;
  nextFollowUpOn: string | null;
}
