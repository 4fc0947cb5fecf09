// API keys: made once and shown once; stored as a SHA-256 hash with a visible prefix.
import crypto from "node:crypto";
import { createId } from "@paralleldrive/cuid2";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import type { ApiKeyRow } from "@/lib/types/api-keys";
import type { Actor } from "@/lib/types/session";
import { recordAudit } from "./audit";

export const API_SCOPES = ["ingest", "read", "cancel"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface ApiKeyIdentity {
  id: string;
  name: string;
  scopes: ApiScope[];
  rateLimitPerMinute: number;
}

const isScope = (s: string): s is ApiScope => API_SCOPES.some((scope) => scope === s);

export function hashKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(
  db: Db,
  input: { name: string; scopes: ApiScope[]; rateLimitPerMinute?: number },
  actor: Actor,
): Promise<{ key: string; id: string; prefix: string }> {
  const key = `hf_${crypto.randomBytes(24).toString("base64url")}`;
  const prefix = key.slice(0, 10);
  const id = createId();
  await db.transaction(async (tx) => {
    await tx.insert(apiKeys).values({
      id,
      name: input.name,
      prefix,
      hash: hashKey(key),
      scopes: input.scopes,
      rateLimitPerMinute: input.rateLimitPerMinute,
      createdById: actor.type === "user" ? actor.id : null,
    });
    await recordAudit(tx, actor, {
      action: "api_key.create",
      entityType: "api_key",
      entityId: id,
      after: { name: input.name, prefix, scopes: input.scopes },
    });
  });
  return { key, id, prefix };
}

export async function revokeApiKey(db: Db, id: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) return false;
    await recordAudit(tx, actor, {
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: id,
      before: { ...row, revoked: false },
      after: { ...row, revoked: true },
    });
    return true;
  });
}

export async function listApiKeys(db: Db): Promise<ApiKeyRow<Date>[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.createdAt));
}

/** The key behind a bearer token, if it exists and is not revoked; notes when it was last used. */
export async function authenticateApiKey(db: Db, token: string): Promise<ApiKeyIdentity | null> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hashKey(token)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  // At most one write a minute per key, so a busy key does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiKeys.id, row.id));
  }
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter(isScope),
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
