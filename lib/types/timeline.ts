// One entry of an account's merged timeline, as the account page draws it.
export type TimelineKind = "subscription" | "activity" | "signal" | "answer" | "outreach";

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  title: string;
  detail: string | null;
  mrrAfterCents?: number;
  /** Outreach: the day ("YYYY-MM-DD") the agent means to follow up. */
  followUpOn?: string;
}
