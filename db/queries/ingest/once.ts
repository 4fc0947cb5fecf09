// A batch sent with an Idempotency-Key: claimed, written and its answer kept in one transaction,
// so a retry replays the first answer and a batch is never written twice.
import type { Db } from "@/db/client";
import type { CheckedBatch, IngestOutcome, IngestResource, WriteResult } from "@/lib/types/ingest";
import type { Actor } from "@/lib/types/session";
import { type IdempotencyClaim, type KeptAnswer, claimInTransaction, keepAnswer } from "../idempotency";
import { retrying, write } from "./write";

export type IngestOnce =
  | { kind: "written"; outcome: IngestOutcome }
  | { kind: "replay"; kept: KeptAnswer }
  | { kind: "running" }
  | { kind: "mismatch" };

/**
 * Writes the batch unless its key was seen: a kept answer is replayed, a key still in use or sent
 * with another body is refused. `keep` words the answer a written batch keeps for its retries.
 */
export async function ingestOnce<R extends IngestResource>(
  db: Db,
  input: {
    resource: R;
    batch: CheckedBatch<R>;
    actor: Actor;
    claim: IdempotencyClaim;
    keep: (result: WriteResult) => KeptAnswer;
  },
): Promise<IngestOnce> {
  return retrying(db, async (tx): Promise<IngestOnce> => {
    const found = await claimInTransaction(tx, input.claim);
    if (found.kind === "replay") return { kind: "replay", kept: { status: found.status, body: found.body } };
    if (found.kind !== "new") return found;
    const outcome = await write(tx, input.resource, input.batch, input.actor);
    // Only a written batch keeps its answer: a refused one leaves nothing, its key included.
    if (outcome.ok) await keepAnswer(tx, input.claim, input.keep(outcome));
    return { kind: "written", outcome };
  });
}
