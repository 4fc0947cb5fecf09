// The digests (SPEC §8), a recurring job every 5 minutes: for each active user, once their own clock
// reads 08:00 or later on a day whose digest has not been made — so one missed while the server was
// down goes out when it starts, once — the daily digest (follow-ups due, items newly assigned,
// accounts that crossed the threshold, alerts they read in the digest; nothing sent when empty), and
// for managers on Mondays from 08:00 the weekly report of the 7 days before it.
import type { Db } from "@/db/client";
import { accountPath } from "@/lib/account-path";
import {
  type DigestUser,
  WEEKLY_ROLES,
  claimDigest,
  digestDone,
  digestKinds,
  digestUsers,
  followUpsDue,
  markDigested,
  waitingForDigest,
  weeklyReport,
} from "@/db/queries/digests";
import { ensureRecurring } from "@/db/queries/jobs";
import { queueMessages } from "@/db/queries/message-deliveries";
import { env } from "@/lib/env";
import type { JobHandler } from "@/lib/jobs/types";
import { makeFormatter } from "@/lib/format";
import type { NotificationKind } from "@/lib/values";
import { type EmailContent, type EmailLine, renderEmail } from "./email-template";
import { messageId, publicBase } from "./outgoing";

export const DIGEST_JOB = "recurring:notifications.digest";
export const DIGEST_EVERY_SECONDS = 300;
export const DIGEST_HOUR = 8;
const DAY = 86_400_000;

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  day: string;
  hour: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The wall clock of `zone` at `now` (an unknown zone reads as UTC). */
export function localTime(now: Date, zone: string | null): LocalTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone ?? "UTC",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    }).formatToParts(now);
  } catch {
    return localTime(now, "UTC");
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: `${get("year")}-${get("month")}-${get("day")}`,
    hour: Number(get("hour")),
    weekday: WEEKDAYS.indexOf(get("weekday")) + 1,
  };
}

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The instant `zone`'s clock reads `hour`:00 on `day`: found by correcting a UTC guess by the zone's
 * offset at it, twice (enough across a daylight-saving change).
 */
export function zonedInstant(day: string, hour: number, zone: string | null): Date {
  const want = Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  let guess = want;
  for (let i = 0; i < 2; i++) {
    const local = localTime(new Date(guess), zone);
    const minutes = new Date(guess).getUTCMinutes();
    const seen = Date.parse(`${local.day}T${String(local.hour).padStart(2, "0")}:00:00Z`) + minutes * 60_000;
    guess += want - seen;
  }
  return new Date(guess);
}

const SECTION_TITLE: Record<string, string> = {
  assigned: "Newly assigned to you",
  threshold: "Your accounts that crossed the health threshold",
  alert: "Alerts",
};

/** The daily digest's content for a user, or null when there is nothing to say. */
export async function dailyContent(
  db: Db,
  user: DigestUser,
  day: string,
  now: Date,
): Promise<{ content: EmailContent; carried: number[] } | null> {
  const format = makeFormatter("en-US", user.timeZone ?? "UTC");
  const due = user.followUp === "off" ? [] : await followUpsDue(db, user.id, day);
  const kinds: NotificationKind[] = await digestKinds(db, user.id);
  const waiting = await waitingForDigest(db, user.id, kinds, now);
  if (due.length === 0 && waiting.length === 0) return null;
  const sections: EmailContent["sections"] = [];
  if (due.length > 0)
    sections.push({
      title: "Follow-ups due",
      lines: due.map((d): EmailLine => ({
        text: d.name,
        detail: d.dueOn < day ? `was due ${format.date(d.dueOn)}` : "due today",
        href: accountPath(d.externalId),
      })),
    });
  for (const kind of ["assigned", "threshold", "alert"]) {
    const lines = waiting.filter((w) => w.kind === kind);
    if (lines.length > 0)
      sections.push({
        title: SECTION_TITLE[kind] ?? kind,
        lines: lines.map((w) => ({ text: w.title, detail: w.body, href: w.href })),
      });
  }
  const count = due.length + waiting.length;
  return {
    content: {
      subject: `Holdfast daily digest: ${count} ${count === 1 ? "thing" : "things"} for ${format.date(day)}`,
      heading: `Good morning, ${user.name}`,
      intro: "Here is what needs you today.",
      sections,
    },
    carried: waiting.map((w) => w.id),
  };
}

/** The weekly report's content for the week ending at `end` (a Monday 08:00 in the reader's zone). */
export async function weeklyContent(db: Db, user: DigestUser, monday: string, end: Date): Promise<EmailContent> {
  const start = new Date(end.getTime() - 7 * DAY);
  const report = await weeklyReport(db, start, end);
  const format = makeFormatter("en-US", user.timeZone ?? "UTC");
  const money = (cents: number) => format.money(cents, env().CURRENCY);
  const from = addDays(monday, -7).slice(0, 7);
  const to = addDays(monday, -1).slice(0, 7);
  const period = `from=${from}&to=${to}`;
  const m = report.movements;
  return {
    subject: `Holdfast weekly report: ${report.customersLost} ${report.customersLost === 1 ? "customer" : "customers"} lost, week to ${format.date(addDays(monday, -1))}`,
    heading: "Your weekly report",
    intro: `The 7 days from ${format.date(addDays(monday, -7))} to ${format.date(addDays(monday, -1))}, each figure linking to its view.`,
    sections: [
      {
        title: "Customers lost",
        lines: [
          {
            text: `${report.customersLost} ${report.customersLost === 1 ? "customer" : "customers"} lost`,
            detail: `${money(report.mrrLostCents)} MRR`,
            href: `/overview?${period}`,
          },
        ],
      },
      {
        title: "MRR movements",
        lines: [
          { text: `New ${money(m.newCents)}`, href: `/overview?${period}` },
          { text: `Expansion ${money(m.expansionCents)}`, href: `/overview?${period}` },
          { text: `Reactivation ${money(m.reactivationCents)}`, href: `/overview?${period}` },
          { text: `Contraction ${money(m.contractionCents)}`, href: `/overview?${period}` },
          { text: `Churned ${money(m.churnedCents)}`, href: `/overview?${period}` },
          {
            text: `MRR ${money(report.mrrStartCents)} → ${money(report.mrrEndCents)}`,
            href: `/overview?${period}`,
          },
        ],
      },
      {
        title: "Top reasons",
        lines:
          report.topReasons.length > 0
            ? report.topReasons.map((r) => ({
                text: r.category,
                detail: `${r.responses} ${r.responses === 1 ? "answer" : "answers"}`,
                href: `/reasons?${period}`,
              }))
            : [{ text: "No cancellation answers this week", href: `/reasons?${period}` }],
      },
    ],
  };
}

export interface DigestRound {
  daily: string[];
  weekly: string[];
}

/** One round at `now`: the digests due and not yet made. Returns the Message-IDs queued. */
export async function runDigests(db: Db, now: Date): Promise<DigestRound> {
  const round: DigestRound = { daily: [], weekly: [] };
  const smtp = Boolean(env().SMTP_URL);
  for (const user of await digestUsers(db)) {
    const local = localTime(now, user.timeZone);
    if (local.hour >= DIGEST_HOUR && !(await digestDone(db, user.id, "daily", local.day))) {
      const id = messageId(`digest-daily-${user.id}-${local.day}`);
      await db.transaction(async (tx) => {
        const daily = smtp ? await dailyContent(tx, user, local.day, now) : null;
        if (
          !(await claimDigest(
            tx,
            { userId: user.id, kind: "daily", day: local.day, messageId: daily ? id : null },
            now,
          ))
        )
          return;
        if (!daily) return;
        await queueMessages(
          tx,
          [
            {
              id,
              channel: "email",
              userId: user.id,
              purpose: "digest_daily",
              message: { to: user.email, ...renderEmail(daily.content, publicBase()) },
            },
          ],
          now,
        );
        await markDigested(tx, daily.carried, now);
        round.daily.push(id);
      });
    }
    // The weekly report, from Monday 08:00 in the reader's zone until the Monday ends.
    const monday = local.day;
    const due = local.weekday === 1 && local.hour >= DIGEST_HOUR;
    if (
      smtp &&
      WEEKLY_ROLES.includes(user.role) &&
      user.weekly !== "off" &&
      due &&
      !(await digestDone(db, user.id, "weekly", monday))
    ) {
      const id = messageId(`digest-weekly-${user.id}-${monday}`);
      const end = zonedInstant(monday, DIGEST_HOUR, user.timeZone);
      await db.transaction(async (tx) => {
        if (!(await claimDigest(tx, { userId: user.id, kind: "weekly", day: monday, messageId: id }, now))) return;
        const content = await weeklyContent(tx, user, monday, end);
        await queueMessages(
          tx,
          [
            {
              id,
              channel: "email",
              userId: user.id,
              purpose: "digest_weekly",
              message: { to: user.email, ...renderEmail(content, publicBase()) },
            },
          ],
          now,
        );
        round.weekly.push(id);
      });
    }
  }
  return round;
}

export const digestJob: JobHandler = {
  async run({ db, now }) {
    await runDigests(db, now);
  },
};

export async function ensureDigestJob(db: Db, now: Date): Promise<void> {
  await ensureRecurring(db, {
    key: DIGEST_JOB,
    kind: "notifications.digest",
    everySeconds: DIGEST_EVERY_SECONDS,
    firstRunAt: now,
  });
}
