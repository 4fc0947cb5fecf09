// Writes validated batches of subscription events, cancellation answers and signals. An item whose
// externalId is already stored for its account (or repeats one earlier in the batch) is skipped.
import { inArray, sql } from "drizzle-orm";
import { bulkInsert } from "@/db/bulk";
import type { Db } from "@/db/client";
import { cancellationResponses, reasonCodeDefaults, signals, subscriptionEvents } from "@/db/schema";
import type { CancellationItem, SignalItem, SubscriptionEventItem, WriteResult } from "@/lib/types/ingest";
import { bulkColumn } from "../bulk-columns";
import { refreshDerived } from "../rollups";
import type { Validated } from "./validate";

/** Items whose externalId is already stored for the account. */
async function alreadyStored(
  db: Db,
  table: typeof subscriptionEvents | typeof cancellationResponses,
  keys: { accountId: string; externalId: string }[],
) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .select({ accountId: table.accountId, externalId: table.externalId })
    .from(table)
    .where(
      inArray(
        sql`(${table.accountId}, ${table.externalId})`,
        keys.map((k) => sql`(${k.accountId}, ${k.externalId})`),
      ),
    );
  return new Set(rows.map((r) => `${r.accountId}|${r.externalId}`));
}

function dedupe<T extends { externalId?: string | undefined }>(
  items: T[],
  accountOf: (i: T) => string,
  stored: Set<string>,
) {
  const seen = new Set<string>();
  return items.filter((i) => {
    if (!i.externalId) return true;
    const k = `${accountOf(i)}|${i.externalId}`;
    if (stored.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const keysOf = <T extends { externalId?: string | undefined }>(items: T[], accountOf: (i: T) => string) =>
  items.filter((i) => i.externalId).map((i) => ({ accountId: accountOf(i), externalId: i.externalId ?? "" }));

export async function writeSubscriptionEvents(db: Db, batch: Validated<"subscription-events">): Promise<WriteResult> {
  const accountOf = (i: SubscriptionEventItem) => batch.accounts.get(i.accountExternalId) ?? "";
  const stored = await alreadyStored(db, subscriptionEvents, keysOf(batch.items, accountOf));
  const fresh = dedupe(batch.items, accountOf, stored);
  // In batch order: events of one account at one instant apply in the order received.
  await bulkInsert(
    db,
    subscriptionEvents,
    [
      bulkColumn(subscriptionEvents.accountId, (e: SubscriptionEventItem) => accountOf(e)),
      bulkColumn(subscriptionEvents.externalId, (e: SubscriptionEventItem) => e.externalId ?? null),
      bulkColumn(subscriptionEvents.occurredAt, (e: SubscriptionEventItem) => e.occurredAt),
      bulkColumn(subscriptionEvents.type, (e: SubscriptionEventItem) => e.type),
      bulkColumn(subscriptionEvents.mrrAfterCents, (e: SubscriptionEventItem) =>
        e.type === "canceled" || e.type === "trial_started" ? 0 : (e.mrrAfterCents ?? 0),
      ),
    ],
    fresh,
  );
  await refreshDerived(db, [...new Set(fresh.map(accountOf))]);
  return { accepted: batch.items.length, skipped: batch.items.length - fresh.length };
}

export async function writeCancellations(db: Db, batch: Validated<"cancellations">): Promise<WriteResult> {
  const accountOf = (i: CancellationItem) => batch.accounts.get(i.accountExternalId) ?? "";
  const stored = await alreadyStored(db, cancellationResponses, keysOf(batch.items, accountOf));
  const fresh = dedupe(batch.items, accountOf, stored);
  const defaults = await db
    .select({ reasonCode: reasonCodeDefaults.reasonCode, categoryId: reasonCodeDefaults.categoryId })
    .from(reasonCodeDefaults);
  const categoryOf = new Map(defaults.map((d) => [d.reasonCode, d.categoryId]));
  const r = cancellationResponses;
  await bulkInsert(
    db,
    r,
    [
      bulkColumn(r.accountId, (c: CancellationItem) => accountOf(c)),
      bulkColumn(r.externalId, (c: CancellationItem) => c.externalId ?? null),
      bulkColumn(r.submittedAt, (c: CancellationItem) => c.submittedAt),
      bulkColumn(r.reasonCode, (c: CancellationItem) => c.reasonCode),
      bulkColumn(r.freeText, (c: CancellationItem) => c.freeText ?? null),
      bulkColumn(r.competitor, (c: CancellationItem) => c.competitor ?? null),
      bulkColumn(r.offerShown, (c: CancellationItem) => c.offerShown ?? "none"),
      bulkColumn(r.offerAccepted, (c: CancellationItem) => c.offerAccepted ?? false),
      bulkColumn(r.outcome, (c: CancellationItem) => c.outcome),
      bulkColumn(r.categoryId, (c: CancellationItem) => categoryOf.get(c.reasonCode) ?? "cat_uncategorized"),
    ],
    fresh,
  );
  return { accepted: batch.items.length, skipped: batch.items.length - fresh.length };
}

export async function writeSignals(db: Db, batch: Validated<"signals">): Promise<WriteResult> {
  await bulkInsert(
    db,
    signals,
    [
      bulkColumn(signals.accountId, (s: SignalItem) => batch.accounts.get(s.accountExternalId) ?? ""),
      bulkColumn(signals.kind, (s: SignalItem) => s.kind),
      bulkColumn(signals.occurredAt, (s: SignalItem) => s.occurredAt),
      bulkColumn(signals.score, (s: SignalItem) => s.score ?? null),
      bulkColumn(signals.comment, (s: SignalItem) => s.comment ?? null),
    ],
    batch.items,
  );
  return { accepted: batch.items.length, skipped: 0 };
}
