// The fixed lists of the domain, defined once: the schema's Postgres enums (db/schema/enums.ts), the zod
// schemas (lib/validation), the URL parsers (nuqs) and the UI's options all derive from these. Browser
// code imports them, so zod stays on the server. Where a list is a Postgres enum its order is the
// enum's order in the database (docs/api.md lists the values on the wire).

/** Roles in rank order: each role may do everything the roles before it may. */
export const ROLES = ["cs", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = { cs: "Customer success", manager: "Manager", admin: "Admin" };
/** Whether `role` is at least `minRole`. */
export function hasRole(role: Role, minRole: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minRole);
}

export const SEGMENTS = ["smb", "mid", "enterprise"] as const;
export type Segment = (typeof SEGMENTS)[number];
/** An account's state (docs/metrics.md), in the order of its life; the account filter offers them so. */
export const ACCOUNT_STATUSES = ["none", "trial", "active", "paused", "canceled"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABEL: Record<AccountStatus, string> = {
  none: "No subscription",
  trial: "Trial",
  active: "Active",
  paused: "Paused",
  canceled: "Canceled",
};

export const SUBSCRIPTION_EVENT_TYPES = [
  "trial_started",
  "converted",
  "expansion",
  "contraction",
  "paused",
  "resumed",
  "canceled",
  "reactivated",
] as const;
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number];

export const SIGNAL_KINDS = ["payment_failed", "payment_recovered", "ticket_opened", "ticket_closed", "nps"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** A contact's part at the customer: a champion or decision maker who leaves is a health reason. */
export const CONTACT_ROLES = ["champion", "decision_maker", "user"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_ROLE_LABEL: Record<ContactRole, string> = {
  champion: "Champion",
  decision_maker: "Decision maker",
  user: "User",
};

/** What the cancel flow offered, and how the cancellation ended. */
/** Stripe's cancellation feedback codes, the default reason codes, so Stripe data maps 1:1 (docs/metrics.md). */
export const STRIPE_FEEDBACK_CODES = [
  "too_expensive",
  "missing_features",
  "switched_service",
  "unused",
  "customer_service",
  "too_complex",
  "low_quality",
] as const;

export const SAVE_OFFERS = ["none", "pause", "downgrade", "discount", "talk_to_us"] as const;
export type SaveOffer = (typeof SAVE_OFFERS)[number];
export const CANCELLATION_OUTCOMES = ["canceled", "saved", "paused", "downgraded"] as const;
export type CancellationOutcome = (typeof CANCELLATION_OUTCOMES)[number];

export const TRIAGE_KINDS = ["recovery", "conversion"] as const;
export type TriageKind = (typeof TRIAGE_KINDS)[number];
export const TRIAGE_STATUSES = ["open", "contacted", "in_progress", "saved", "lost", "dismissed"] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];
export const STATUS_LABEL: Record<TriageStatus, string> = {
  open: "Open",
  contacted: "Contacted",
  in_progress: "In progress",
  saved: "Saved",
  lost: "Lost",
  dismissed: "Dismissed",
};
/** The statuses of an item still being worked (the queue's default "live" view). */
export const LIVE_STATUSES = ["open", "contacted", "in_progress"] as const;
export const QUEUE_TABS = ["recovery", "conversion", "due"] as const;
export const QUEUE_WHO = ["all", "mine", "unassigned"] as const;
export const QUEUE_STATUS_FILTERS = ["live", "snoozed", ...TRIAGE_STATUSES] as const;
/** The queue's filters when the URL names none: one source for the zod schema and the nuqs parsers. */
export const QUEUE_DEFAULTS = { tab: "recovery", who: "all", status: "live", page: 1 } as const satisfies {
  tab: (typeof QUEUE_TABS)[number];
  who: (typeof QUEUE_WHO)[number];
  status: (typeof QUEUE_STATUS_FILTERS)[number];
  page: number;
};

export const OUTREACH_CHANNELS = ["email", "call", "meeting", "in_app", "other"] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

export const ACTOR_TYPES = ["user", "api_key", "system", "anonymous"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const CATEGORY_COLORS: [string, ...string[]] = [
  "chart-1",
  "chart-2",
  "chart-3",
  "chart-4",
  "chart-5",
  "chart-6",
  "chart-7",
  "chart-8",
  "chart-9",
  "chart-10",
  "chart-11",
  "chart-12",
];

/** The churn-month figures a chart opens a drill-through list for (`figure:YYYY-MM` in the URL). */
export const MONTH_FIGURES = [
  "customersStart",
  "customersEnd",
  "new",
  "reactivated",
  "churned",
  "newAndLost",
  "expansion",
  "contraction",
] as const;

/** A background job's life: waiting (or retrying) → running under a lease → done, or dead past its deadline. */
export const JOB_STATUSES = ["queued", "running", "done", "dead"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The kinds of background work the worker runs (lib/jobs/handlers.ts maps each to its code). */
export const JOB_KINDS = [
  "webhook.deliver",
  "health.rescore_stale",
  "health.rescore_all",
  "jobs.prune",
  "cancel.end_stale_sessions",
  "stripe.apply_outcome",
  "alerts.evaluate",
  "notifications.email",
  "email.send",
  "slack.post",
  "notifications.digest",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Events a webhook endpoint can subscribe to (docs/api.md). `cancel_session.completed` arrives with the cancel flow. */
export const WEBHOOK_EVENT_TYPES = ["account.entered_queue", "cancel_session.completed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** The event "Send test event" sends to one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** A delivery (one message to one endpoint): pending while it is tried, then succeeded or failed for good. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * A cancel session's life (SPEC §7): `open` from creation until it ends — `saved` (an offer taken),
 * `canceled` (the customer cancelled), `expired` (never opened before `expiresAt`) or `abandoned`
 * (opened and not ended within 24 h). The last two are set by a job, never by a page view.
 */
export const CANCEL_SESSION_STATUSES = ["open", "saved", "canceled", "abandoned", "expired"] as const;
export type CancelSessionStatus = (typeof CANCEL_SESSION_STATUSES)[number];

/**
 * The steps of the customer's cancel page, in order: `loss` is optional per flow; `follow_up` (the
 * chosen reason's question, or "something else"'s own words) and `offer` are shown when they apply.
 */
export const CANCEL_STEPS = ["loss", "reason", "follow_up", "offer", "confirm", "goodbye"] as const;
export type CancelStep = (typeof CANCEL_STEPS)[number];

/** The reason code of a cancellation with no reason given (Cancel pressed before answering). */
export const NO_ANSWER_REASON = "no_answer";
/** The reason code of the honest "something else" choice, with the customer's own words. */
export const SOMETHING_ELSE_REASON = "other";

/** Alert triggers (SPEC §8), in the order the rules page offers them. */
export const ALERT_TRIGGER_KINDS = [
  "entered_queue",
  "health_drop",
  "trial_ending",
  "cancel_page_left",
  "payment_failed",
  "cancel_canceled",
] as const;
export const ALERT_ASSIGN_MODES = ["none", "owner", "round_robin", "user"] as const;

/**
 * What a user is told of, each with its own choice: an alert rule naming them, an item assigned to
 * them (by a person), their follow-ups falling due, their accounts crossing the health threshold,
 * and (managers) the weekly report.
 */
export const NOTIFICATION_KINDS = ["alert", "assigned", "follow_up", "threshold", "weekly"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  alert: "Alerts from rules",
  assigned: "Items assigned to me",
  follow_up: "Follow-ups due",
  threshold: "My accounts crossing the health threshold",
  weekly: "Weekly report (managers)",
};
/** Immediately: in the inbox and by e-mail at once; digest: in the inbox and in the daily e-mail; off: neither. */
export const NOTIFICATION_DELIVERIES = ["immediate", "digest", "off"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];
export const NOTIFICATION_DEFAULTS: Record<NotificationKind, NotificationDelivery> = {
  alert: "immediate",
  assigned: "digest",
  follow_up: "digest",
  threshold: "digest",
  weekly: "immediate",
};
