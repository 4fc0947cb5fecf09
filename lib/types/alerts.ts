// The shapes of alert rules (SPEC §8) and of what they tell people: stored as JSON on the rule, read
// by the rules page, the evaluator (lib/alerts) and the queries (db/queries/alert-*).
import type { NotificationDelivery, NotificationKind, Role, Segment } from "@/lib/values";

/** When a rule fires. Each kind's number is in its own field. */
export type AlertTrigger =
  /** An account enters the at-risk queue (by itself, by hand, or through another rule). */
  | { kind: "entered_queue" }
  /** Its health score is at least `points` lower than 7 days before. */
  | { kind: "health_drop"; points: number }
  /** Its trial ends within `days` days and it has not converted. */
  | { kind: "trial_ending"; days: number }
  /** A cancel session ended `saved` or `abandoned`: the customer opened the cancel page and stayed, for now. */
  | { kind: "cancel_page_left" }
  /** A payment failed at least `days` days ago and has not been recovered. */
  | { kind: "payment_failed"; days: number }
  /** A cancel session ended `canceled`. */
  | { kind: "cancel_canceled" };

export type AlertTriggerKind = AlertTrigger["kind"];

export interface AlertFilters {
  minMrrCents: number | null;
  segment: Segment | null;
  plan: string | null;
}

export type AlertAssign =
  | { mode: "none" }
  /** The account's owner (no one when the account has none, or its owner is disabled). */
  | { mode: "owner" }
  /** Each firing to the next of these users, in this order. */
  | { mode: "round_robin"; userIds: string[] }
  | { mode: "user"; userId: string };

export interface AlertActions {
  assign: AlertAssign;
  /** The triage item's next follow-up this many days after the firing (null: left as it is). */
  followUpDays: number | null;
  notify: { assignee: boolean; roles: Role[]; userIds: string[] };
  /** A Slack-compatible incoming-webhook URL (null: no post). */
  slackUrl: string | null;
}

export interface AlertRuleInput {
  name: string;
  enabled: boolean;
  trigger: AlertTrigger;
  filters: AlertFilters;
  actions: AlertActions;
}

export interface AlertRuleRow extends AlertRuleInput {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  /** Firings whose condition still holds. */
  openFirings: number;
  lastFiredAt: Date | null;
}

/** One account a rule's condition holds for now, with the occurrence and its words. */
export interface AlertMatch {
  accountId: string;
  conditionKey: string;
  detail: string;
}

export interface AlertFiringRow {
  id: number;
  accountExternalId: string;
  accountName: string;
  detail: string;
  assigneeName: string | null;
  firedAt: Date;
  clearedAt: Date | null;
}

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  href: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationSettings {
  timeZone: string | null;
  preferences: Record<NotificationKind, NotificationDelivery>;
}

export interface AlertPreview {
  /** Accounts the rule would fire on now (its condition holds and the filters pass). */
  count: number;
  sample: { externalId: string; name: string; detail: string }[];
}
