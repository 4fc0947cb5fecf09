// Webhook endpoints: made with a signing secret shown once, switched on and off; every change audited.
// The URL is checked (https, no private address) by lib/webhooks/url-guard before it gets here.
import crypto from "node:crypto";
import { createId } from "@paralleldrive/cuid2";
import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Actor } from "@/lib/types/session";
import type { WebhookEndpointRow } from "@/lib/types/webhooks";
import type { WebhookEventType } from "@/lib/values";
import { recordAudit } from "./audit";

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/** A new signing secret: `whsec_` and 32 random bytes in base64, as Standard Webhooks expects. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64")}`;
}

export async function createWebhookEndpoint(
  db: Db,
  input: { url: string; description?: string; events: WebhookEventType[] },
  actor: Actor,
  now: Date = new Date(),
): Promise<{ id: string; secret: string }> {
  const id = `whe_${createId()}`;
  const secret = newWebhookSecret();
  await db.transaction(async (tx) => {
    await tx.insert(webhookEndpoints).values({
      id,
      url: input.url,
      description: input.description ?? "",
      events: input.events,
      secret,
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: "webhook.create",
      entityType: "webhook_endpoint",
      entityId: id,
      after: { url: input.url, events: input.events, description: input.description ?? "" },
    });
  });
  return { id, secret };
}

/** Switches an endpoint on or off; false when there is no such endpoint. */
export async function setWebhookEnabled(db: Db, id: string, enabled: boolean, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ enabled, updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, id))
      .returning({ id: webhookEndpoints.id });
    if (!row) return false;
    await recordAudit(tx, actor, {
      action: enabled ? "webhook.enable" : "webhook.disable",
      entityType: "webhook_endpoint",
      entityId: id,
      before: { enabled: !enabled },
      after: { enabled },
    });
    return true;
  });
}

export async function getWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** Every endpoint, newest first, without its secret, with the last 24 hours' deliveries. */
export async function listWebhookEndpoints(db: Db, now: Date = new Date()): Promise<WebhookEndpointRow<Date>[]> {
  const since = new Date(now.getTime() - 86_400_000);
  const recent = db
    .select({
      endpointId: webhookDeliveries.endpointId,
      deliveries: count().as("deliveries"),
      failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')::int`.as("failed"),
    })
    .from(webhookDeliveries)
    .where(gte(webhookDeliveries.createdAt, since))
    .groupBy(webhookDeliveries.endpointId)
    .as("recent");
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      enabled: webhookEndpoints.enabled,
      createdAt: webhookEndpoints.createdAt,
      deliveries: sql<number>`coalesce(${recent.deliveries}, 0)::int`,
      failed: sql<number>`coalesce(${recent.failed}, 0)::int`,
    })
    .from(webhookEndpoints)
    .leftJoin(recent, and(eq(recent.endpointId, webhookEndpoints.id)))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(({ deliveries, failed, ...r }) => ({ ...r, recent: { deliveries, failed } }));
}
