// Ingestion: check the references of a batch the schemas passed, then write it in one transaction
// with one audit entry. A bad batch writes nothing and names every bad item and field.
import type { Db } from "@/db/client";
import type { CheckedBatch, ImportOutcome, IngestOutcome, IngestResource } from "@/lib/types/ingest";
import type { Actor } from "@/lib/types/session";
import { checkReferences, itemsWithout } from "./validate";
import { retrying, write, writeValid } from "./write";

export { type IngestOnce, ingestOnce } from "./once";
export { retrying, write } from "./write";

/** A batch whose every item passed its schema (as the queries' own callers build them). */
export const allChecked = <R extends IngestResource>(items: CheckedBatch<R>["items"]): CheckedBatch<R> => ({
  items,
  refused: [],
});

export async function ingestBatch<R extends IngestResource>(
  db: Db,
  resource: R,
  batch: CheckedBatch<R>,
  actor: Actor,
): Promise<IngestOutcome> {
  return retrying(db, (tx) => write(tx, resource, batch, actor));
}

/**
 * For the CSV import: the valid rows of a chunk are written, the bad ones reported by index and
 * field (a batch from the API, by contrast, is all or nothing).
 */
export async function importRows<R extends IngestResource>(
  db: Db,
  resource: R,
  batch: CheckedBatch<R>,
  actor: Actor,
): Promise<ImportOutcome> {
  return db.transaction(async (tx) => {
    const { errors, references } = await checkReferences(tx, batch);
    const good = itemsWithout(batch, errors);
    const result =
      good.length > 0
        ? await writeValid(tx, resource, { ...references, items: good }, actor)
        : { accepted: 0, skipped: 0 };
    return { accepted: result.accepted, skipped: result.skipped, errors };
  });
}
