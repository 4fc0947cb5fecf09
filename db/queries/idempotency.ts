// Idempotency-Key handling, inside the write's own transaction: the first request with a key
// runs and its answer commits with its data; a retry with the same body gets that answer; another
// body is refused; a retry while the first still runs is refused. "Still runs" is a
// transaction-scoped advisory lock on the key, so a request that died (a crash, a lost
// connection) holds nothing: its retry runs at once, and nothing half-done is left behind.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

/** The key a client sent, with what it was sent for: the same key must come with the same request. */
export interface IdempotencyClaim {
  apiKeyId: string;
  key: string;
  endpoint: string;
  bodyHash: string;
}

/** The answer kept for a key, replayed as it was given: its status and body. */
export interface KeptAnswer {
  status: number;
  body: string;
}

export type Claim = { kind: "new" } | ({ kind: "replay" } & KeptAnswer) | { kind: "running" } | { kind: "mismatch" };

export async function claimInTransaction(tx: Db, claim: IdempotencyClaim): Promise<Claim> {
  const [lock] = await tx
    .select({
      locked: sql<boolean>`pg_try_advisory_xact_lock(hashtextextended(${`${claim.apiKeyId}\u0001${claim.key}`}, 0))`,
    })
    .from(sql`(select 1) as one`);
  if (!lock?.locked) return { kind: "running" };
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, claim.apiKeyId), eq(idempotencyKeys.key, claim.key)));
  if (!row) return { kind: "new" };
  if (row.endpoint !== claim.endpoint || row.bodyHash !== claim.bodyHash) return { kind: "mismatch" };
  return { kind: "replay", status: row.responseStatus ?? 200, body: row.responseBody ?? "" };
}

/** Keeps the answer of a written batch; in the write's transaction, so they commit together. */
export async function keepAnswer(tx: Db, claim: IdempotencyClaim, answer: KeptAnswer): Promise<void> {
  await tx.insert(idempotencyKeys).values({
    ...claim,
    status: "done",
    responseStatus: answer.status,
    responseBody: answer.body,
    completedAt: sql`now()`,
  });
}
