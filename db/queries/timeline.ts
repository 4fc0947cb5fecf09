// One account's story, newest first: subscription events, weekly activity, signals, survey
// answers and outreach, merged into a single timeline for the account page.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  activityUserMonths,
  cancellationResponses,
  healthScores,
  outreachLogs,
  signals,
  subscriptionEvents,
  users,
} from "@/db/schema";
import { distinctActive } from "@/lib/metrics/activity";
import type { TimelineEntry } from "@/lib/types/timeline";

const DAY = 86_400_000;
export const TIMELINE_WEEKS = 12;
const label = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, " ");

const SIGNAL_TITLE: Record<string, string> = {
  payment_failed: "Payment failed",
  payment_recovered: "Payment recovered",
  ticket_opened: "Support ticket opened",
  ticket_closed: "Support ticket closed",
  nps: "NPS answer",
};

/** Monday 00:00 UTC of the week `t` falls in. */
function weekStart(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

export async function accountTimeline(db: Db, accountId: string, now: Date): Promise<TimelineEntry[]> {
  const [events, sigs, answers, outreach, months] = await Promise.all([
    db
      .select()
      .from(subscriptionEvents)
      .where(eq(subscriptionEvents.accountId, accountId))
      .orderBy(desc(subscriptionEvents.seq)),
    db.select().from(signals).where(eq(signals.accountId, accountId)).orderBy(desc(signals.occurredAt)).limit(200),
    db
      .select()
      .from(cancellationResponses)
      .where(eq(cancellationResponses.accountId, accountId))
      .orderBy(desc(cancellationResponses.submittedAt)),
    db
      .select({ log: outreachLogs, by: users.name })
      .from(outreachLogs)
      .innerJoin(users, eq(users.id, outreachLogs.userId))
      .where(eq(outreachLogs.accountId, accountId))
      .orderBy(desc(outreachLogs.occurredAt)),
    db.select().from(activityUserMonths).where(eq(activityUserMonths.accountId, accountId)),
  ]);
  const out: TimelineEntry[] = [];
  for (const e of events)
    out.push({
      at: e.occurredAt,
      kind: "subscription",
      title: label(e.type),
      detail: null,
      mrrAfterCents: e.mrrAfterCents,
    });
  for (const s of sigs) {
    const detail = [s.score !== null ? `Score ${s.score}` : null, s.comment].filter(Boolean).join(" — ") || null;
    out.push({ at: s.occurredAt, kind: "signal", title: SIGNAL_TITLE[s.kind] ?? label(s.kind), detail });
  }
  for (const a of answers) {
    const offer =
      a.offerShown === "none"
        ? "no offer shown"
        : `${label(a.offerShown).toLowerCase()} offer ${a.offerAccepted ? "taken" : "turned down"}`;
    out.push({
      at: a.submittedAt,
      kind: "answer",
      title: `Cancel survey: ${label(a.reasonCode).toLowerCase()} — ${offer}, ${a.outcome}`,
      detail: a.freeText,
    });
  }
  for (const { log, by } of outreach) {
    out.push({
      at: log.occurredAt,
      kind: "outreach",
      title: `${label(log.channel)} by ${by}`,
      detail: log.outcome ? `${log.summary}\nOutcome: ${log.outcome}` : log.summary,
      ...(log.nextFollowUpOn ? { followUpOn: log.nextFollowUpOn } : {}),
    });
  }
  const rows = months.map((m) => ({ month: m.month, key: m.userRef, activeDays: m.activeDays }));
  for (let w = 0; w < TIMELINE_WEEKS; w++) {
    const start = weekStart(now.getTime()) - w * 7 * DAY;
    const end = Math.min(start + 7 * DAY, now.getTime());
    const active = distinctActive(rows, new Date(start), new Date(end));
    out.push({
      at: new Date(start),
      kind: "activity",
      title: `${active} active ${active === 1 ? "user" : "users"} in the week`,
      detail: w === 0 ? "This week so far" : null,
    });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime());
}

export async function accountHealth(db: Db, accountId: string) {
  const [row] = await db.select().from(healthScores).where(eq(healthScores.accountId, accountId));
  return row ?? null;
}
