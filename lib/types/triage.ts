// The at-risk queue's shapes: the filters a listing takes, the rows the pages draw, the changes a
// person asks for, and what a write answers (the item as it left it, or why it refused).
import type {
  OutreachChannel,
  QUEUE_STATUS_FILTERS,
  QUEUE_TABS,
  QUEUE_WHO,
  Segment,
  TriageKind,
  TriageStatus,
} from "@/lib/values";

export type QueueTab = (typeof QUEUE_TABS)[number];
export type QueueWho = (typeof QUEUE_WHO)[number];
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

/** The queue's URL filters, parsed (lib/validation/triage.ts parses a URL to exactly this). */
export interface QueueFilters {
  tab: QueueTab;
  who: QueueWho;
  status: QueueStatusFilter;
  segment: Segment | null;
  owner: string | null;
  page: number;
  /** Due view: follow-ups due on or before this day (default today, UTC). */
  on: string | null;
}

export interface QueueRow {
  id: string;
  version: number;
  kind: TriageKind;
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

/**
 * The account page's view of its live queue item. liveItemFor returns `LiveItem<Date>`; the page
 * sends the triage controls ISO strings.
 */
export interface LiveItem<When = string> {
  id: string;
  version: number;
  kind: TriageKind;
  status: TriageStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  snoozedUntil: When | null;
  lastOutreachAt: When | null;
  /** YYYY-MM-DD. */
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

/** A change to one item, naming the version the person saw. */
export interface ItemChange {
  id: string;
  version: number;
  status?: TriageStatus;
  /** A user id, or null to unassign. */
  assigneeId?: string | null;
  /** YYYY-MM-DD (the item returns to the queue that day, 00:00 UTC), or null to wake it. */
  snoozeUntil?: string | null;
}

export interface OutreachInput {
  accountExternalId: string;
  /** The item the outreach belongs to, with the version seen; absent for an account without one. */
  item?: { id: string; version: number };
  channel: OutreachChannel;
  summary: string;
  outcome?: string | null;
  nextFollowUpOn?: string | null;
}

/**
 * Why a write to an item stored nothing. The server action words each reason for the person and
 * picks the HTTP status; a query never does.
 */
export type ItemRefusal =
  /** The item is gone (deleted with its account, or never was). */
  | { ok: false; reason: "gone" }
  /** The item is not the named account's. */
  | { ok: false; reason: "other-account" }
  /** Someone changed the item after the person opened it (`changedBy` null: Holdfast itself). */
  | { ok: false; reason: "changed"; changedBy: string | null; changedAt: string }
  /** A cs agent's write on a colleague's item. */
  | { ok: false; reason: "not-yours" }
  /** A cs agent assigning to someone else. */
  | { ok: false; reason: "assign-to-self-only" }
  /** Reopening while the account has another live item of the kind (`changedAt`: the item's last change). */
  | { ok: false; reason: "another-live-item"; changedAt: string }
  /** The assignee does not exist or is disabled. */
  | { ok: false; reason: "assignee-unavailable" };

/** Outreach adds two refusals of its own to those of an item change. */
export type OutreachRefusal =
  | ItemRefusal
  | { ok: false; reason: "no-account"; externalId: string }
  /** A follow-up date on a colleague's item: it is theirs (`assigneeName`) to set. */
  | { ok: false; reason: "follow-up-theirs"; assigneeName: string };

export type ItemWritten = { ok: true; version: number; item?: ItemState };
export type ChangeOutcome = ItemWritten | ItemRefusal;
export type OutreachOutcome = ItemWritten | OutreachRefusal;
