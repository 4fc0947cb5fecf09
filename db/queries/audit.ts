// Writes audit entries: every change by a person or an API key, with the row before and after.
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface Actor {
  type: "user" | "api_key" | "system";
  id: string | null;
  label: string;
}

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
