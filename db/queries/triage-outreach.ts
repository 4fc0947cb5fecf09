// Outreach is a record of what happened: anyone logs it on any account; on a colleague's item it
// changes none of that item's decisions (status, assignee, snooze, follow-up), only its last contact.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, outreachLogs, triageItems, users } from "@/db/schema";
import type { Actor, SessionUser } from "@/lib/types/session";
import type { ItemState, OutreachInput, OutreachOutcome } from "@/lib/types/triage";
import { recordAudit } from "./audit";
import { explainMiss, mayChange, nextVersion, stateOf } from "./triage-items";

async function assigneeName(db: Db, itemId: string): Promise<string> {
  const [row] = await db
    .select({ name: users.name })
    .from(triageItems)
    .innerJoin(users, eq(users.id, triageItems.assigneeId))
    .where(eq(triageItems.id, itemId));
  return row?.name ?? "a colleague";
}

/**
 * Logs outreach. On an item the person may change it also records the follow-up, and an open item
 * becomes contacted; on a colleague's item (a cs agent's) it records only the contact, and a
 * follow-up date, being the colleague's to set, is refused. Either way the item's version must be
 * the one the person saw.
 */
export async function logOutreach(
  db: Db,
  user: SessionUser,
  input: OutreachInput,
  actor: Actor,
): Promise<OutreachOutcome> {
  return db.transaction(async (tx): Promise<OutreachOutcome> => {
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.externalId, input.accountExternalId));
    if (!account) return { ok: false, reason: "no-account", externalId: input.accountExternalId };
    const now = new Date();
    let item: ItemState | undefined;
    if (input.item) {
      const seen = and(
        eq(triageItems.id, input.item.id),
        eq(triageItems.accountId, account.id),
        eq(triageItems.version, input.item.version),
      );
      const [updated] = await tx
        .update(triageItems)
        .set({
          version: nextVersion,
          updatedAt: now,
          updatedBy: user.id,
          lastOutreachAt: now,
          nextFollowUpOn: input.nextFollowUpOn ?? null,
          // An open item becomes contacted; one further along keeps its status.
          status: sql`case when ${eq(triageItems.status, "open")} then ${"contacted"} else ${triageItems.status} end`,
        })
        .where(and(seen, mayChange(user)))
        .returning();
      if (updated) item = stateOf(updated);
      else {
        const miss = await explainMiss(tx, input.item.id, input.item.version, account.id);
        // Anything but "not yours" (gone, another account's, changed since): nothing is stored.
        if (miss.reason !== "not-yours") return miss;
        if (input.nextFollowUpOn)
          return { ok: false, reason: "follow-up-theirs", assigneeName: await assigneeName(tx, input.item.id) };
        // A colleague's item: the contact is recorded; the version stays, as none of their decisions changed.
        const [noted] = await tx.update(triageItems).set({ lastOutreachAt: now }).where(seen).returning();
        if (!noted) return explainMiss(tx, input.item.id, input.item.version, account.id);
        item = stateOf(noted);
      }
    }
    const id = `out_${crypto.randomUUID().replace(/-/g, "")}`;
    const row = {
      id,
      accountId: account.id,
      triageItemId: input.item?.id ?? null,
      userId: user.id,
      occurredAt: now,
      channel: input.channel,
      summary: input.summary,
      outcome: input.outcome ?? null,
      nextFollowUpOn: input.nextFollowUpOn ?? null,
    };
    await tx.insert(outreachLogs).values(row);
    await recordAudit(tx, actor, { action: "outreach.log", entityType: "outreach_log", entityId: id, after: row });
    return { ok: true, version: item?.version ?? 0, item };
  });
}
