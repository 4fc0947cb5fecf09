// Alert rules in words (SPEC §8): what each condition says about an account when a rule fires,
// and the rule itself as a sentence for the rules page. Pure: the queries hand in the facts.
import type { AlertActions, AlertFilters, AlertTrigger } from "@/lib/types/alerts";

const SHORT_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const shortDate = (d: Date) => SHORT_DATE.format(d);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const DAY = 86_400_000;
const dayOf = (d: Date) => Math.floor(d.getTime() / DAY) * DAY;

const OFFER_WORDS: Record<string, string> = {
  pause: "the pause offer",
  downgrade: "the downgrade offer",
  discount: "the discount offer",
  talk_to_us: "the talk-to-us offer",
};

/** The facts one condition's query returns for an account; `detail` turns them into its sentence. */
export type AlertFacts =
  | { kind: "entered_queue"; queueKind: string; source: string; reasons: string[]; at: Date }
  | { kind: "health_drop"; score: number; weekAgo: number }
  | { kind: "trial_ending"; endsAt: Date; now: Date }
  | { kind: "cancel_page_left"; status: string; openedAt: Date; offerKind: string | null; offerAccepted: boolean }
  | { kind: "payment_failed"; failedAt: Date; now: Date }
  | { kind: "cancel_canceled"; endedAt: Date; reason: string | null };

export function alertDetail(f: AlertFacts): string {
  switch (f.kind) {
    case "entered_queue": {
      const why = f.reasons[0];
      const queue = f.queueKind === "conversion" ? "the trial queue" : "the at-risk queue";
      return `Entered ${queue} on ${shortDate(f.at)}${why ? `: ${why}` : ""}`;
    }
    case "health_drop": {
      const drop = Math.round(f.weekAgo) - Math.round(f.score);
      return `Health fell ${plural(drop, "point")} in 7 days, from ${Math.round(f.weekAgo)} to ${Math.round(f.score)}`;
    }
    case "trial_ending": {
      // Calendar days (UTC), as the date is written: ending on the 6th, seen on the 2nd, is in 4 days.
      const days = Math.max(0, Math.round((dayOf(f.endsAt) - dayOf(f.now)) / DAY));
      const when = days === 0 ? "today" : `in ${plural(days, "day")}`;
      return `Trial ends on ${shortDate(f.endsAt)} (${when}) and has not converted`;
    }
    case "cancel_page_left": {
      const opened = `Opened the cancel page on ${shortDate(f.openedAt)}`;
      if (f.status === "abandoned") return `${opened} and left without finishing`;
      const offer = f.offerKind ? OFFER_WORDS[f.offerKind] : undefined;
      return offer && f.offerAccepted ? `${opened} and took ${offer}` : `${opened} and stayed`;
    }
    case "payment_failed": {
      const days = Math.floor((f.now.getTime() - f.failedAt.getTime()) / DAY);
      return `A payment failed on ${shortDate(f.failedAt)} (${plural(days, "day")} ago) and has not been recovered`;
    }
    case "cancel_canceled":
      return `Cancelled on the cancel page on ${shortDate(f.endedAt)}${f.reason ? `, giving “${f.reason}”` : ""}`;
  }
}

/** The condition as a sentence: "Health drops by at least 10 points within 7 days". */
export function triggerWords(t: AlertTrigger): string {
  switch (t.kind) {
    case "entered_queue":
      return "An account enters the at-risk queue";
    case "health_drop":
      return `Health drops by at least ${plural(t.points, "point")} within 7 days`;
    case "trial_ending":
      return `A trial ends within ${plural(t.days, "day")} without converting`;
    case "cancel_page_left":
      return "A customer opens the cancel page and does not cancel (saved or abandoned)";
    case "payment_failed":
      return `A payment stays failed for ${plural(t.days, "day")}`;
    case "cancel_canceled":
      return "A customer cancels on the cancel page";
  }
}

/** The filters as a phrase, or "" when the rule looks at every account. */
export function filterWords(f: AlertFilters, money: (cents: number) => string): string {
  const parts = [
    f.minMrrCents !== null ? `MRR at least ${money(f.minMrrCents)}` : "",
    f.segment ? `segment ${f.segment}` : "",
    f.plan ? `plan ${f.plan}` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/** The actions as short phrases, in the order they run. */
export function actionWords(a: AlertActions, nameOf: (userId: string) => string): string[] {
  const out: string[] = [];
  switch (a.assign.mode) {
    case "owner":
      out.push("assign to the account owner");
      break;
    case "round_robin":
      out.push(`assign in turn to ${a.assign.userIds.map(nameOf).join(", ")}`);
      break;
    case "user":
      out.push(`assign to ${nameOf(a.assign.userId)}`);
      break;
    case "none":
      break;
  }
  if (a.followUpDays !== null) out.push(`follow up in ${plural(a.followUpDays, "day")}`);
  const who = [
    a.notify.assignee ? "the assignee" : "",
    ...a.notify.roles.map((r) => `every ${r}`),
    ...a.notify.userIds.map(nameOf),
  ].filter(Boolean);
  if (who.length > 0) out.push(`notify ${who.join(", ")}`);
  if (a.slackUrl) out.push("post to Slack");
  return out;
}
