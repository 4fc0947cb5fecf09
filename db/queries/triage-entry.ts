// How accounts enter and leave the at-risk queue on their own (docs/metrics.md):
// - recovery: a paying customer whose health fell below the threshold; not re-added while an
//   item is live (open, contacted, in progress — snoozed included), and after an item closed
//   only by falling below the threshold again;
// - conversion: a trial whose end is within 7 days or passed in the last 30, once per trial end;
// - a live item that entered by itself closes itself when the account's fate is sealed (a trial
//   converts: saved; the account cancels: lost); one added by hand (a win-back) or by an alert rule
//   waits for a person.
// Every entry and exit is in the audit log, by Holdfast itself.
import { type SQL, and, eq, gt, gte, inArray, lt, lte, notExists, notInArray, or, sql } from "drizzle-orm";
import { type PgColumn, alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { accounts, auditLog, healthScores, triageItems, triageStatus, users } from "@/db/schema";
import { accountPath } from "@/lib/account-path";
import { LIVE_STATUSES, type TriageKind, type TriageStatus } from "@/lib/values";
import { SYSTEM_ACTOR } from "./audit";
import { notify } from "./notifications";
import { enqueueQueueEntryEvents } from "./queue-events";
import { nextVersion } from "./triage-items";

const DAY = 86_400_000;
export const CONVERSION_WINDOW_DAYS = 7;
export const CONVERSION_LOOKBACK_DAYS = 30;
/** Accounts still paying (or paused): a conversion item of theirs is saved. */
const PAYING = ["active", "paused"] as const;
/** Audit entries per insert statement, well under the parameter limit of one statement. */
const AUDIT_CHUNK = 2_000;

interface Changed {
  id: string;
  accountId: string;
  kind: TriageKind;
  status: TriageStatus;
  beforeStatus: TriageStatus | null;
}

async function auditSystem(db: Db, action: string, rows: Changed[]): Promise<void> {
  for (let start = 0; start < rows.length; start += AUDIT_CHUNK) {
    await db.insert(auditLog).values(
      rows.slice(start, start + AUDIT_CHUNK).map((r) => ({
        actorType: SYSTEM_ACTOR.type,
        actorId: SYSTEM_ACTOR.id,
        actorLabel: SYSTEM_ACTOR.label,
        action,
        entityType: "triage_item",
        entityId: r.id,
        before: r.beforeStatus === null ? null : { status: r.beforeStatus },
        after: { status: r.status, kind: r.kind, accountId: r.accountId },
      })),
    );
  }
}

/** The account's owner, who gets the item while active. */
const owner = alias(users, "owner");
/** The items already there, which an entry must not repeat. */
const existing = alias(triageItems, "t");

/** A constant of an insert-select's list, as a parameter Postgres types by the column it fills. */
const value = (name: string, v: string | number | Date | null) => sql`${v}`.as(name);

/**
 * An item that enters by itself, as an insert-select's list (in the table's column order): open,
 * given to the account's owner if active, scored as the database rounds the health score.
 */
const entering = (
  kind: TriageKind,
  source: string,
  reasons: SQL.Aliased | typeof healthScores.reasons,
  now: Date,
): { [K in keyof typeof triageItems.$inferInsert]-?: SQL.Aliased | PgColumn } => ({
  id: sql`'tri_' || replace(gen_random_uuid()::text, '-', '')`.as("id"),
  accountId: accounts.id,
  kind: value("kind", kind),
  source: value("source", source),
  status: value("status", "open"),
  assigneeId: owner.id,
  snoozedUntil: value("snoozedUntil", null),
  riskScore: sql`round(${healthScores.score})`.as("riskScore"),
  reasons,
  version: value("version", 1),
  updatedBy: value("updatedBy", null),
  lastOutreachAt: value("lastOutreachAt", null),
  nextFollowUpOn: value("nextFollowUpOn", null),
  createdAt: value("createdAt", now),
  updatedAt: value("updatedAt", now),
  closedAt: value("closedAt", null),
});
const entered = {
  id: triageItems.id,
  accountId: triageItems.accountId,
  kind: triageItems.kind,
  status: triageItems.status,
};

export async function syncQueue(db: Db, now: Date, threshold: number): Promise<{ queued: number; closed: number }> {
  // Each closed item with its status before the update (the joined copy is read before it).
  const prior = alias(triageItems, "prior");
  const sealed: SQL = sql`case when ${and(eq(triageItems.kind, "conversion"), inArray(accounts.status, PAYING))} then 'saved' else 'lost' end`;
  const closed = await db
    .update(triageItems)
    .set({
      status: sql`(${sealed})::${sql.identifier(triageStatus.enumName)}`,
      closedAt: now,
      updatedAt: now,
      updatedBy: null,
      version: nextVersion,
    })
    .from(prior)
    .innerJoin(accounts, eq(accounts.id, prior.accountId))
    .where(
      and(
        eq(prior.id, triageItems.id),
        inArray(triageItems.status, LIVE_STATUSES),
        // Items a person added, or an alert rule made, wait for a person.
        notInArray(triageItems.source, ["manual", "alert"]),
        or(eq(accounts.status, "canceled"), and(eq(triageItems.kind, "conversion"), inArray(accounts.status, PAYING))),
      ),
    )
    .returning({ ...entered, beforeStatus: prior.status });
  await auditSystem(db, "triage.close", closed);

  const recovery = await db
    .insert(triageItems)
    .select((qb) =>
      qb
        .select(entering("recovery", "health", healthScores.reasons, now))
        .from(healthScores)
        .innerJoin(accounts, eq(accounts.id, healthScores.accountId))
        .leftJoin(owner, and(eq(owner.id, accounts.ownerId), eq(owner.active, true)))
        .where(
          and(
            lt(healthScores.score, threshold),
            inArray(accounts.status, PAYING),
            gt(accounts.mrrCents, 0),
            notExists(
              qb
                .select({ id: existing.id })
                .from(existing)
                .where(
                  and(
                    eq(existing.accountId, accounts.id),
                    eq(existing.kind, "recovery"),
                    or(inArray(existing.status, LIVE_STATUSES), gte(existing.closedAt, healthScores.belowSince)),
                  ),
                ),
            ),
          ),
        )
        .orderBy(accounts.id),
    )
    .onConflictDoNothing()
    .returning(entered);

  const windowEnd = new Date(now.getTime() + CONVERSION_WINDOW_DAYS * DAY);
  const lookbackStart = new Date(now.getTime() - CONVERSION_LOOKBACK_DAYS * DAY);
  const conversion = await db
    .insert(triageItems)
    .select((qb) =>
      qb
        .select(entering("conversion", "trial", sql`coalesce(${healthScores.reasons}, '[]'::jsonb)`.as("reasons"), now))
        .from(accounts)
        .leftJoin(healthScores, eq(healthScores.accountId, accounts.id))
        .leftJoin(owner, and(eq(owner.id, accounts.ownerId), eq(owner.active, true)))
        .where(
          and(
            eq(accounts.status, "trial"),
            lte(accounts.trialEndsAt, windowEnd),
            gte(accounts.trialEndsAt, lookbackStart),
            notExists(
              qb
                .select({ id: existing.id })
                .from(existing)
                .where(
                  and(
                    eq(existing.accountId, accounts.id),
                    eq(existing.kind, "conversion"),
                    // Once per trial end: an item made in this trial end's window counts.
                    or(
                      inArray(existing.status, LIVE_STATUSES),
                      gte(
                        existing.createdAt,
                        sql`${accounts.trialEndsAt} - make_interval(days => ${CONVERSION_WINDOW_DAYS + CONVERSION_LOOKBACK_DAYS})`,
                      ),
                    ),
                  ),
                ),
            ),
          ),
        )
        .orderBy(accounts.id),
    )
    .onConflictDoNothing()
    .returning(entered);
  const entries = [...recovery, ...conversion].map((r) => ({ ...r, beforeStatus: null }));
  await auditSystem(db, "triage.enter", entries);
  await tellOwners(db, recovery, now);
  await enqueueQueueEntryEvents(
    db,
    entries.map((e) => e.id),
    now,
  );
  return { queued: recovery.length + conversion.length, closed: closed.length };
}

/** Each account that fell below the threshold is told to its owner (by their choice for "threshold"). */
async function tellOwners(db: Db, items: { id: string }[], now: Date): Promise<void> {
  if (items.length === 0) return;
  const rows = await db
    .select({
      accountId: accounts.id,
      externalId: accounts.externalId,
      name: accounts.name,
      ownerId: triageItems.assigneeId,
      reasons: triageItems.reasons,
      score: triageItems.riskScore,
    })
    .from(triageItems)
    .innerJoin(accounts, eq(accounts.id, triageItems.accountId))
    .where(
      inArray(
        triageItems.id,
        items.map((i) => i.id),
      ),
    )
    .orderBy(accounts.id);
  await notify(
    db,
    "threshold",
    rows.flatMap((r) =>
      r.ownerId
        ? [
            {
              userId: r.ownerId,
              title: r.name,
              body: `Health ${r.score ?? "?"}, below the threshold${r.reasons[0] ? `: ${r.reasons[0]}` : ""}`,
              href: accountPath(r.externalId),
              accountId: r.accountId,
            },
          ]
        : [],
    ),
    now,
  );
}
