// Idempotency-Key handling, inside the write's own transaction: the first request with a key
// runs and its answer commits with its data; a retry with the same body gets that answer; another
// body is refused (422); a retry while the first still runs is refused (409). "Still runs" is a
// transaction-scoped advisory lock on the key, so a request that died (a crash, a lost
// connection) holds nothing: its retry runs at once, and nothing half-done is left behind.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { idempotencyKeys } from "@/db/schema";

export type Claim =
  { kind: "new" } | { kind: "replay"; status: number; body: string } | { kind: "running" } | { kind: "mismatch" };

export async function claimInTransaction(
  tx: Db,
  apiKeyId: string,
  key: string,
  endpoint: string,
  bodyHash: string,
): Promise<Claim> {
  const [lock] = await queryRows<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(hashtextextended(${`${apiKeyId}\u0001${key}`}, 0)) as locked`,
  );
  if (!lock?.locked) return { kind: "running" };
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
  if (!row) return { kind: "new" };
  if (row.endpoint !== endpoint || row.bodyHash !== bodyHash) return { kind: "mismatch" };
  return { kind: "replay", status: row.responseStatus ?? 200, body: row.responseBody ?? "" };
}

/** Keeps the answer of a written batch; in the write's transaction, so they commit together. */
export async function keepAnswer(
  tx: Db,
  claim: { apiKeyId: string; key: string; endpoint: string; bodyHash: string },
  status: number,
  body: string,
): Promise<void> {
  await tx
    .insert(idempotencyKeys)
    .values({ ...claim, status: "done", responseStatus: status, responseBody: body, completedAt: sql`now()` });
}
