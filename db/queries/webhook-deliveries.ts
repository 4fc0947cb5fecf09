// Webhook deliveries: one per message and endpoint, each with a job of the queue that sends it
// (lib/webhooks/deliver), every attempt logged; replays by hand keep the delivery's `webhook-id`.
import { createId } from "@paralleldrive/cuid2";
import { type SQL, and, arrayContains, asc, count, desc, eq, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Actor } from "@/lib/types/session";
import type { DeliveryFilters, WebhookAttemptRow, WebhookDeliveryRow } from "@/lib/types/webhooks";
import { WEBHOOK_TEST_EVENT, type WebhookEventType } from "@/lib/values";
import { recordAudit } from "./audit";
import { enqueueJobs } from "./jobs";

/** A delivery is retried for 24 hours after its event, then it has failed for good. */
export const WEBHOOK_DEADLINE_MS = 24 * 3_600_000;
export const DELIVERY_PAGE_SIZE = 50;
/** Deliveries per insert statement, well under a statement's parameter limit. */
const CHUNK = 1_000;

export type DeliveryTrigger = "automatic" | "replay";
export interface DeliveryJobPayload {
  deliveryId: string;
  trigger: DeliveryTrigger;
}

async function insertDeliveries(
  db: Db,
  rows: { endpointId: string; eventType: string; data: unknown }[],
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((r) => ({ ...r, id: `msg_${createId()}`, createdAt: now }));
    await db.insert(webhookDeliveries).values(chunk);
    await enqueueJobs(
      db,
      chunk.map((d) => ({
        key: `webhook:${d.id}`,
        kind: "webhook.deliver" as const,
        payload: { deliveryId: d.id, trigger: "automatic" } satisfies DeliveryJobPayload,
        runAt: now,
        deadline: new Date(now.getTime() + WEBHOOK_DEADLINE_MS),
      })),
      now,
    );
    ids.push(...chunk.map((d) => d.id));
  }
  return ids;
}

/**
 * Events for every enabled endpoint subscribed to `type`: one delivery (and its job) per event and
 * endpoint, in the caller's transaction, so an event is queued exactly when its cause is written.
 */
export async function enqueueWebhookEvents(
  db: Db,
  type: WebhookEventType,
  events: unknown[],
  now: Date,
): Promise<string[]> {
  if (events.length === 0) return [];
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [type])));
  return insertDeliveries(
    db,
    endpoints.flatMap((e) => events.map((data) => ({ endpointId: e.id, eventType: type, data }))),
    now,
  );
}

/** "Send test event": one `webhook.test` delivery to this endpoint, whatever it subscribes to. */
export async function sendTestEvent(db: Db, endpointId: string, actor: Actor, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    if (!endpoint) return undefined;
    const data = { message: "A test event from Holdfast.", endpointId, sentBy: actor.label };
    const [id] = await insertDeliveries(tx, [{ endpointId, eventType: WEBHOOK_TEST_EVENT, data }], now);
    await recordAudit(tx, actor, { action: "webhook.test", entityType: "webhook_delivery", entityId: id ?? null });
    return id;
  });
}

/**
 * Sends a delivery again, once, now: same `webhook-id` and body, a new timestamp and signature.
 * The delivery reads pending until that attempt is made. Undefined when there is no such delivery.
 */
export async function replayDelivery(db: Db, deliveryId: string, actor: Actor, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now })
      .where(eq(webhookDeliveries.id, deliveryId))
      .returning({ id: webhookDeliveries.id, status: webhookDeliveries.status });
    if (!delivery) return undefined;
    await enqueueJobs(
      tx,
      [
        {
          key: `webhook:${deliveryId}:replay:${createId()}`,
          kind: "webhook.deliver",
          payload: { deliveryId, trigger: "replay" } satisfies DeliveryJobPayload,
          runAt: now,
          maxAttempts: 1,
        },
      ],
      now,
    );
    await recordAudit(tx, actor, { action: "webhook.replay", entityType: "webhook_delivery", entityId: deliveryId });
    return deliveryId;
  });
}

/** A delivery with what sending it needs: its endpoint's URL, secret and switch. */
export async function deliveryToSend(db: Db, deliveryId: string) {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      data: webhookDeliveries.data,
      createdAt: webhookDeliveries.createdAt,
      status: webhookDeliveries.status,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      enabled: webhookEndpoints.enabled,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  return row;
}

/** Logs one attempt; a 2xx marks the delivery succeeded. */
export async function recordAttempt(
  db: Db,
  attempt: Omit<WebhookAttemptRow<Date>, "id"> & { succeeded: boolean },
): Promise<void> {
  const { succeeded, ...row } = attempt;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ ...row, response: row.response.slice(0, 2048) });
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: row.statusCode,
        lastAttemptAt: row.at,
        ...(succeeded ? { status: "succeeded" as const, nextAttemptAt: null } : {}),
      })
      .where(eq(webhookDeliveries.id, row.deliveryId));
  });
}

/** The delivery has failed for good (its endpoint is switched off). */
export async function failDelivery(db: Db, deliveryId: string): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", nextAttemptAt: null })
    .where(eq(webhookDeliveries.id, deliveryId));
}

/**
 * After a failed run (in its transaction, once the queue has queued it again or marked it dead —
 * so the run itself is never counted as running): the delivery is pending
 * while any of its jobs — the automatic one, a replay — will still run, at the earliest of them,
 * and failed only when none will. So a failed replay does not end a delivery still being retried.
 */
export async function settleFailedDelivery(db: Db, deliveryId: string): Promise<void> {
  const ofDelivery = or(eq(jobs.key, `webhook:${deliveryId}`), like(jobs.key, `webhook:${deliveryId}:replay:%`));
  const [next] = await db
    .select({
      runAt: sql<Date | null>`min(${jobs.runAt}) filter (where ${jobs.status} = 'queued')`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
      running: sql<number>`count(*) filter (where ${jobs.status} = 'running')::int`,
    })
    .from(jobs)
    .where(ofDelivery);
  const waiting = next && (next.runAt !== null || next.running > 0);
  await db
    .update(webhookDeliveries)
    .set(waiting ? { status: "pending", nextAttemptAt: next.runAt } : { status: "failed", nextAttemptAt: null })
    .where(eq(webhookDeliveries.id, deliveryId));
}

/** The delivery log, newest first, by endpoint and status, 50 to a page. */
export async function listDeliveries(
  db: Db,
  filters: DeliveryFilters,
): Promise<{ rows: WebhookDeliveryRow<Date>[]; total: number }> {
  const where: SQL | undefined = and(
    filters.endpointId ? eq(webhookDeliveries.endpointId, filters.endpointId) : undefined,
    filters.status ? eq(webhookDeliveries.status, filters.status) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: webhookDeliveries.id,
        endpointId: webhookDeliveries.endpointId,
        endpointUrl: webhookEndpoints.url,
        eventType: webhookDeliveries.eventType,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        lastStatusCode: webhookDeliveries.lastStatusCode,
        lastAttemptAt: webhookDeliveries.lastAttemptAt,
        nextAttemptAt: webhookDeliveries.nextAttemptAt,
        createdAt: webhookDeliveries.createdAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(DELIVERY_PAGE_SIZE)
      .offset((filters.page - 1) * DELIVERY_PAGE_SIZE),
    db.select({ total: count() }).from(webhookDeliveries).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

/** Every attempt of a delivery, oldest first. */
export async function listAttempts(db: Db, deliveryId: string): Promise<WebhookAttemptRow<Date>[]> {
  return db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.at), asc(webhookAttempts.id));
}
