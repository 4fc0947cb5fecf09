// `account.entered_queue`: each item that enters the at-risk queue (by itself or added by hand) is
// told to the webhook endpoints subscribed to it, in the transaction that made the item.
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, triageItems } from "@/db/schema";
import { enqueueWebhookEvents } from "./webhook-deliveries";

/** The event's `data` (docs/api.md, Webhooks). */
export interface QueueEntryEvent {
  triageItemId: string;
  kind: string;
  source: string;
  riskScore: number | null;
  reasons: unknown;
  enteredAt: string;
  account: {
    externalId: string;
    name: string;
    status: string;
    plan: string | null;
    segment: string | null;
    mrrCents: number;
  };
}

export async function enqueueQueueEntryEvents(db: Db, itemIds: string[], now: Date): Promise<void> {
  if (itemIds.length === 0) return;
  const rows = await db
    .select({
      triageItemId: triageItems.id,
      kind: triageItems.kind,
      source: triageItems.source,
      riskScore: triageItems.riskScore,
      reasons: triageItems.reasons,
      enteredAt: triageItems.createdAt,
      externalId: accounts.externalId,
      name: accounts.name,
      status: accounts.status,
      plan: accounts.plan,
      segment: accounts.segment,
      mrrCents: accounts.mrrCents,
    })
    .from(triageItems)
    .innerJoin(accounts, eq(accounts.id, triageItems.accountId))
    .where(inArray(triageItems.id, itemIds))
    .orderBy(triageItems.id);
  const events = rows.map((r): QueueEntryEvent => ({
    triageItemId: r.triageItemId,
    kind: r.kind,
    source: r.source,
    riskScore: r.riskScore,
    reasons: r.reasons,
    enteredAt: r.enteredAt.toISOString(),
    account: {
      externalId: r.externalId,
      name: r.name,
      status: r.status,
      plan: r.plan,
      segment: r.segment,
      mrrCents: r.mrrCents,
    },
  }));
  await enqueueWebhookEvents(db, "account.entered_queue", events, now);
}
