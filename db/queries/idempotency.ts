// Idempotency-Key handling: the first request with a key runs; a retry with the same body gets
// the first answer; another body is refused (422); a retry while the first runs is refused (409).
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

/** A claim left running this long belongs to a request that died; a retry may take it over. */
const ABANDONED_MS = 5 * 60_000;

export type Claim =
  | { kind: "new" }
  | { kind: "replay"; status: number; body: string }
  | { kind: "running" }
  | { kind: "mismatch" };

export async function claimKey(db: Db, apiKeyId: string, key: string, endpoint: string, bodyHash: string): Promise<Claim> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ apiKeyId, key, endpoint, bodyHash, status: "running" })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { kind: "new" };
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
  if (!row) return claimKey(db, apiKeyId, key, endpoint, bodyHash);
  if (row.endpoint !== endpoint || row.bodyHash !== bodyHash) return { kind: "mismatch" };
  if (row.status === "done") return { kind: "replay", status: row.responseStatus ?? 200, body: row.responseBody ?? "" };
  if (Date.now() - row.createdAt.getTime() < ABANDONED_MS) return { kind: "running" };
  const taken = await db
    .update(idempotencyKeys)
    .set({ createdAt: sql`now()` })
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, "running"), eq(idempotencyKeys.createdAt, row.createdAt)))
    .returning({ key: idempotencyKeys.key });
  return taken.length > 0 ? { kind: "new" } : { kind: "running" };
}

/** Keeps the answer; called inside the write's transaction, so answer and data commit together. */
export async function completeKey(db: Db, apiKeyId: string, key: string, status: number, body: string): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status: "done", responseStatus: status, responseBody: body, completedAt: sql`now()` })
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
}

/** Lets a retry run after the first request failed without an answer. */
export async function releaseKey(db: Db, apiKeyId: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, "running")));
}
