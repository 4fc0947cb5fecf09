// Checks the references of a batch the schemas passed and writes it, one resource at a time; the
// caller holds the transaction. Derived state (cached status and MRR, rollups) is current on return.
import type { Db } from "@/db/client";
import type { CheckedBatch, IngestOutcome, IngestResource, WriteResult } from "@/lib/types/ingest";
import type { Actor } from "@/lib/types/session";
import { recordAudit } from "../audit";
import { markHealthStale } from "../health-stale";
import { type Validated, checkReferences, itemsWithout } from "./validate";
import { writeAccounts } from "./write-accounts";
import { writeActivity } from "./write-activity";
import { writeContacts } from "./write-contacts";
import { writeCancellations, writeSignals, writeSubscriptionEvents } from "./write-events";

const WRITERS: { [R in IngestResource]: (db: Db, batch: Validated<R>) => Promise<WriteResult> } = {
  accounts: writeAccounts,
  contacts: writeContacts,
  "subscription-events": writeSubscriptionEvents,
  activity: writeActivity,
  signals: writeSignals,
  cancellations: writeCancellations,
};

export async function writeValid<R extends IngestResource>(
  tx: Db,
  resource: R,
  batch: Validated<R>,
  actor: Actor,
): Promise<WriteResult> {
  const result = await WRITERS[resource](tx, batch);
  await markHealthStale(tx, batch.accounts.values());
  await recordAudit(tx, actor, { action: `ingest.${resource}`, entityType: resource, entityId: null, after: result });
  return result;
}

/** Checks and writes one batch in an open transaction (several resources can share it). */
export async function write<R extends IngestResource>(
  tx: Db,
  resource: R,
  batch: CheckedBatch<R>,
  actor: Actor,
): Promise<IngestOutcome> {
  if (batch.items.length === 0) return { ok: true, accepted: 0, skipped: 0 };
  const { errors, references } = await checkReferences(tx, batch);
  if (errors.length > 0) return { ok: false, errors };
  const result = await writeValid(tx, resource, { ...references, items: itemsWithout(batch, errors) }, actor);
  return { ok: true, ...result };
}

const field = (value: unknown, name: "code" | "cause"): unknown =>
  typeof value === "object" && value !== null && name in value ? Reflect.get(value, name) : undefined;

/** The error's PostgreSQL code (SQLSTATE): on the error drizzle wraps it in, or on the error itself. */
function sqlState(error: unknown): unknown {
  return field(field(error, "cause"), "code") ?? field(error, "code");
}

/** Runs `fn` in a transaction, again (up to 3 times) when a deadlock or serialization failure rolled it back. */
export async function retrying<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      // A deadlock or serialization failure rolled everything back: the batch can run again.
      const code = sqlState(error);
      if (attempt >= 3 || (code !== "40P01" && code !== "40001")) throw error;
    }
  }
}
