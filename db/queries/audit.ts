// Writes audit entries: every change by a person or an API key, with the row before and after.
import { type SQL, and, count, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/types/session";
import type { AuditFilters } from "@/lib/types/users";
import { auditLog } from "@/db/schema";

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, label: "system" };

export async function recordAudit(
  db: Db,
  actor: Actor,
  entry: { action: string; entityType: string; entityId: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, filtered by actor (label or id), action, entity type and days. */
export async function listAudit(db: Db, filters: AuditFilters) {
  const contains = (column: SQL | PgColumn, words: string) => sql`position(lower(${words}) in lower(${column})) > 0`;
  const cond = and(
    filters.actor ? or(eq(auditLog.actorLabel, filters.actor), eq(auditLog.actorId, filters.actor)) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.entity ? eq(auditLog.entityType, filters.entity) : undefined,
    filters.q
      ? or(contains(sql`coalesce(${auditLog.entityId}, '')`, filters.q), contains(auditLog.actorLabel, filters.q))
      : undefined,
    filters.from ? gte(auditLog.at, sql`${`${filters.from}T00:00:00Z`}::timestamptz`) : undefined,
    filters.to ? lt(auditLog.at, sql`(${`${filters.to}T00:00:00Z`}::timestamptz + interval '1 day')`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The values the filters offer. */
export async function auditFacets(db: Db) {
  const [actions, entities, actors] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
    db.selectDistinct({ v: auditLog.actorLabel }).from(auditLog).orderBy(auditLog.actorLabel).limit(200),
  ]);
  return { actions: actions.map((a) => a.v), entities: entities.map((e) => e.v), actors: actors.map((a) => a.v) };
}

/** A refused authorization: who asked for what, and why it was refused. */
export async function recordRefusal(db: Db, actor: Actor, what: string, reason: string): Promise<void> {
  await recordAudit(db, actor, {
    action: "authz.refused",
    entityType: "access",
    entityId: what.slice(0, 300),
    after: { reason },
  });
}
