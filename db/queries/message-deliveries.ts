// E-mails and Slack posts (SPEC §8): each is a row of the delivery log and a job of the one queue,
// written together, keyed by the message's id (an e-mail's Message-ID), so a message is queued once
// and sent at least once. The log is what the admin reads beside the webhooks' deliveries.
import { count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageDeliveries, users } from "@/db/schema";
import { enqueueJobs } from "./jobs";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SlackMessage {
  url: string;
  body: { text: string; blocks?: unknown[] };
}

export type OutgoingMessage =
  | { id: string; channel: "email"; userId: string | null; purpose: string; message: EmailMessage }
  | { id: string; channel: "slack"; userId: string | null; purpose: string; message: SlackMessage };

export const MESSAGE_JOB_KIND = { email: "email.send", slack: "slack.post" } as const;
/** Retries stop a day after the message was queued. */
const DEADLINE_MS = 24 * 3_600_000;

/** Where a Slack post went, for the log: the host and the start of the path (the rest is its secret). */
export function slackRecipient(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.slice(0, 16)}…`;
  } catch {
    return "(not a URL)";
  }
}

/** A message's row of the delivery log, as queued. */
function deliveryRow(m: OutgoingMessage, now: Date) {
  return {
    id: m.id,
    channel: m.channel,
    recipient: m.channel === "email" ? m.message.to : slackRecipient(m.message.url),
    userId: m.userId,
    purpose: m.purpose,
    subject: m.channel === "email" ? m.message.subject : m.message.body.text.slice(0, 200),
    message: m.message,
    createdAt: now,
  };
}

/** Queues messages; one already queued under the same id is left as it is. Returns the ids queued now. */
export async function queueMessages(db: Db, list: OutgoingMessage[], now: Date): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = await db
    .insert(messageDeliveries)
    .values(list.map((m) => deliveryRow(m, now)))
    .onConflictDoNothing()
    .returning({ id: messageDeliveries.id, channel: messageDeliveries.channel });
  await enqueueJobs(
    db,
    rows.map((r) => ({
      key: `message:${r.id}`,
      kind: MESSAGE_JOB_KIND[r.channel],
      payload: { deliveryId: r.id },
      deadline: new Date(now.getTime() + DEADLINE_MS),
    })),
    now,
  );
  return rows.map((r) => r.id);
}

export async function messageToSend(db: Db, id: string) {
  const [row] = await db.select().from(messageDeliveries).where(eq(messageDeliveries.id, id));
  return row ?? null;
}

/** One attempt's outcome: delivered, or the error (failed for good when `final`). */
export async function recordMessageAttempt(
  db: Db,
  id: string,
  outcome: { ok: true } | { ok: false; error: string; final: boolean },
  now: Date,
): Promise<void> {
  await db
    .update(messageDeliveries)
    .set({
      attempts: sql`${messageDeliveries.attempts} + 1`,
      lastAttemptAt: now,
      ...(outcome.ok
        ? { status: "succeeded" as const, deliveredAt: now, lastError: null }
        : {
            status: outcome.final ? ("failed" as const) : ("pending" as const),
            lastError: outcome.error.slice(0, 2000),
          }),
    })
    .where(eq(messageDeliveries.id, id));
}

export const MESSAGE_PAGE_SIZE = 50;

/** The delivery log, newest first. */
export async function listMessageDeliveries(db: Db, page = 1) {
  const [total] = await db.select({ n: count() }).from(messageDeliveries);
  const rows = await db
    .select({
      id: messageDeliveries.id,
      channel: messageDeliveries.channel,
      recipient: messageDeliveries.recipient,
      userName: users.name,
      purpose: messageDeliveries.purpose,
      subject: messageDeliveries.subject,
      status: messageDeliveries.status,
      attempts: messageDeliveries.attempts,
      lastError: messageDeliveries.lastError,
      createdAt: messageDeliveries.createdAt,
      deliveredAt: messageDeliveries.deliveredAt,
    })
    .from(messageDeliveries)
    .leftJoin(users, eq(users.id, messageDeliveries.userId))
    .orderBy(desc(messageDeliveries.createdAt), desc(messageDeliveries.id))
    .limit(MESSAGE_PAGE_SIZE)
    .offset((page - 1) * MESSAGE_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

/** A message sent at once rather than queued ("Send test"): logged with its one attempt's outcome. */
export async function logSentMessage(
  db: Db,
  m: OutgoingMessage,
  outcome: { ok: true } | { ok: false; error: string },
  now: Date,
): Promise<void> {
  await db.insert(messageDeliveries).values({
    ...deliveryRow(m, now),
    status: outcome.ok ? "succeeded" : "failed",
    attempts: 1,
    lastError: outcome.ok ? null : outcome.error.slice(0, 2000),
    lastAttemptAt: now,
    deliveredAt: outcome.ok ? now : null,
  });
}
