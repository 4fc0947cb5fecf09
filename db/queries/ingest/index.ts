// Ingestion: validate the whole batch, then write it in one transaction with one audit entry.
// A bad batch writes nothing and names every bad item and field.
import type { Db } from "@/db/client";
import type { IngestResource } from "@/lib/validation/ingest";
import { type Actor, recordAudit } from "../audit";
import { markHealthStale } from "../health-stale";
import { type ItemError, type Validated, validateBatch } from "./validate";
import {
  type WriteResult,
  writeAccounts,
  writeActivity,
  writeCancellations,
  writeSignals,
  writeSubscriptionEvents,
} from "./write";

export type { ItemError } from "./validate";

export type IngestOutcome = ({ ok: true } & WriteResult) | { ok: false; errors: ItemError[] };

const WRITERS: { [R in IngestResource]: (db: Db, batch: Validated<R>) => Promise<WriteResult> } = {
  accounts: writeAccounts,
  "subscription-events": writeSubscriptionEvents,
  activity: writeActivity,
  signals: writeSignals,
  cancellations: writeCancellations,
};

/** Validates and writes one batch in an open transaction (several resources can share it). */
export async function write<R extends IngestResource>(
  tx: Db,
  resource: R,
  items: readonly unknown[],
  actor: Actor,
): Promise<IngestOutcome> {
  if (items.length === 0) return { ok: true, accepted: 0, skipped: 0 };
  const checked = await validateBatch(tx, resource, items);
  if (!checked.ok) return checked;
  const result = await WRITERS[resource](tx, checked.value);
  markHealthStale(checked.value.accounts.values());
  await recordAudit(tx, actor, { action: `ingest.${resource}`, entityType: resource, entityId: null, after: result });
  return { ok: true, ...result };
}

/** Runs `fn` in a transaction, again (up to 3 times) when a deadlock or serialization failure rolled it back. */
export async function retrying<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      // A deadlock or serialization failure rolled everything back: the batch can run again.
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}

export async function ingestBatch(
  db: Db,
  resource: IngestResource,
  items: readonly unknown[],
  actor: Actor,
): Promise<IngestOutcome> {
  return retrying(db, (tx) => write(tx, resource, items, actor));
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return code === "40P01" || code === "40001";
}

export interface ImportOutcome extends WriteResult {
  errors: ItemError[];
}

/**
 * For the CSV import: the valid rows of a chunk are written, the bad ones reported by index and
 * field (a batch from the API, by contrast, is all or nothing).
 */
export async function importRows(
  db: Db,
  resource: IngestResource,
  items: readonly unknown[],
  actor: Actor,
): Promise<ImportOutcome> {
  return db.transaction(async (tx) => {
    const checked = await validateBatch(tx, resource, items);
    const errors = checked.ok ? [] : checked.errors;
    const bad = new Set(errors.map((e) => e.item));
    const good = items.filter((_, i) => !bad.has(i));
    const result =
      good.length > 0 ? await write(tx, resource, good, actor) : { ok: true as const, accepted: 0, skipped: 0 };
    if (!result.ok) throw new Error("Rows that passed validation were refused on a second check.");
    return { accepted: result.accepted, skipped: result.skipped, errors };
  });
}
