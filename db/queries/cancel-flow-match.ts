// Which flow version a new cancel session starts on (SPEC §7): a flow named in the request, else
// the first targeted flow (by position) whose segments, plans and locales all match the account and
// the session's locale, else the default flow. Always the flow's newest version.
import { createId } from "@paralleldrive/cuid2";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancelFlowVersions, cancelFlows } from "@/db/schema";
import type { CancelFlowContent, CancelFlowTargeting } from "@/lib/types/cancel-flow";

export type FlowVersion = typeof cancelFlowVersions.$inferSelect;

/** The newest version of every live flow, targeted flows first in their order, the default last. */
export async function liveFlowVersions(db: Db): Promise<(FlowVersion & { isDefault: boolean; position: number })[]> {
  const v = cancelFlowVersions;
  const rows = await db
    .selectDistinctOn([v.flowId], { version: v, isDefault: cancelFlows.isDefault, position: cancelFlows.position })
    .from(v)
    .innerJoin(cancelFlows, eq(cancelFlows.id, v.flowId))
    .where(isNull(cancelFlows.archivedAt))
    .orderBy(v.flowId, desc(v.version));
  return rows
    .map((r) => ({ ...r.version, isDefault: r.isDefault, position: r.position }))
    .sort(
      (a, b) =>
        Number(a.isDefault) - Number(b.isDefault) || a.position - b.position || a.flowId.localeCompare(b.flowId),
    );
}

/** `de` matches `de` and `de-AT`; case does not matter. */
export function localeMatches(tags: readonly string[], locale: string): boolean {
  const l = locale.toLowerCase();
  return tags.some((t) => {
    const tag = t.toLowerCase();
    return l === tag || l.startsWith(`${tag}-`);
  });
}

export function targetingMatches(
  t: { [K in keyof CancelFlowTargeting]: readonly string[] },
  account: { segment: string | null; plan: string | null },
  locale: string,
): boolean {
  return (
    (t.segments.length === 0 || (account.segment !== null && t.segments.includes(account.segment))) &&
    (t.plans.length === 0 || (account.plan !== null && t.plans.includes(account.plan))) &&
    (t.locales.length === 0 || localeMatches(t.locales, locale))
  );
}

/**
 * The version a session for this account and locale starts on; `flowId` picks a flow outright.
 * Null when the named flow does not exist (or is archived), or when there is no flow at all.
 */
export async function matchFlowVersion(
  db: Db,
  account: { segment: string | null; plan: string | null },
  locale: string,
  flowId?: string,
): Promise<FlowVersion | null> {
  if (flowId !== undefined) {
    const [row] = await db
      .select({ version: cancelFlowVersions })
      .from(cancelFlowVersions)
      .innerJoin(cancelFlows, eq(cancelFlows.id, cancelFlowVersions.flowId))
      .where(and(eq(cancelFlowVersions.flowId, flowId), isNull(cancelFlows.archivedAt)))
      .orderBy(desc(cancelFlowVersions.version))
      .limit(1);
    return row?.version ?? null;
  }
  const flows = await liveFlowVersions(db);
  const targeted = flows.find((f) => !f.isDefault && targetingMatches(f, account, locale));
  return targeted ?? flows.find((f) => f.isDefault) ?? null;
}

/** The default flow's id, or null on an installation with no flow yet. */
export async function defaultFlowId(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: cancelFlows.id })
    .from(cancelFlows)
    .where(and(eq(cancelFlows.isDefault, true), isNull(cancelFlows.archivedAt)))
    .orderBy(asc(cancelFlows.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * The default flow, made as version 1 of `first` (lib/cancel/defaults.ts: Stripe's feedback codes)
 * when the installation has none, so a session can always start. Returns its id.
 */
export async function ensureDefaultFlow(
  db: Db,
  first: { name: string; content: CancelFlowContent },
  now: Date = new Date(),
): Promise<string> {
  const existing = await defaultFlowId(db);
  if (existing) return existing;
  const id = `cf_${createId()}`;
  await db.insert(cancelFlows).values({ id, isDefault: true, position: 0, createdAt: now }).onConflictDoNothing();
  const made = await defaultFlowId(db);
  if (made !== id) return made ?? id;
  await db.insert(cancelFlowVersions).values({
    id: `cfv_${createId()}`,
    flowId: id,
    version: 1,
    name: first.name,
    content: first.content,
    changes: ["Created"],
    createdAt: now,
  });
  return id;
}
