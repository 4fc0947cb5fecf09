// The fixed lists of the domain, without their validation: browser code imports these, so zod
// stays on the server (lib/validation builds its schemas from the same lists).
export const SEGMENTS = ["smb", "mid", "enterprise"] as const;
export const ACCOUNT_STATUSES = ["active", "paused", "trial", "canceled", "none"] as const;

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
export const QUEUE_TABS = ["recovery", "conversion", "due"] as const;
export const QUEUE_WHO = ["all", "mine", "unassigned"] as const;
export const QUEUE_STATUS_FILTERS = ["live", "snoozed", ...TRIAGE_STATUSES] as const;
export const OUTREACH_CHANNELS = ["call", "email", "meeting", "in_app", "other"] as const;

export const CATEGORY_COLORS = Array.from({ length: 12 }, (_, i) => `chart-${i + 1}`) as [string, ...string[]];

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
