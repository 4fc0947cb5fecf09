// Cancel flows as admins edit them (SPEC §7): listed in the order sessions try them, saved only as a
// new version (never changed in place, so a session keeps the version it started on), reordered,
// archived, restored from an old version, and walked as a preview session. Every change is audited.
import { createId } from "@paralleldrive/cuid2";
import { and, asc, count, desc, eq, inArray, isNull, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancelFlowVersions, cancelFlows, reasonCodeDefaults, users } from "@/db/schema";
import type { CancelFlowRow, CancelFlowSnapshot, CancelFlowVersionRow } from "@/lib/types/cancel-flow";
import type { Actor } from "@/lib/types/session";
import { SEGMENTS, type Segment } from "@/lib/values";
import { recordAudit } from "./audit";
import { type FlowVersion, liveFlowVersions } from "./cancel-flow-match";
import { type CreateCancelSessionResult, createCancelSession } from "./cancel-sessions";

/** Words for what changed between two versions (lib/cancel/diff.ts, passed in: db/ does not import it). */
export type DescribeChanges = (before: CancelFlowSnapshot, after: CancelFlowSnapshot) => string[];

const versionRow = (v: FlowVersion, names: Map<string, string>): CancelFlowVersionRow<Date> => ({
  id: v.id,
  flowId: v.flowId,
  version: v.version,
  name: v.name,
  targeting: { segments: v.segments.filter(isSegment), plans: v.plans, locales: v.locales },
  content: v.content,
  changes: v.changes,
  createdBy: v.createdBy,
  createdByName: v.createdBy ? (names.get(v.createdBy) ?? null) : null,
  createdAt: v.createdAt,
});

const isSegment = (s: string): s is Segment => SEGMENTS.some((x) => x === s);

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Live flows in the order a session tries them: targeted flows by position, the default last. */
export async function listCancelFlows(db: Db): Promise<CancelFlowRow<Date>[]> {
  const live = await liveFlowVersions(db);
  if (live.length === 0) return [];
  const [counts, names] = await Promise.all([
    db
      .select({ flowId: cancelFlowVersions.flowId, n: count() })
      .from(cancelFlowVersions)
      .where(
        inArray(
          cancelFlowVersions.flowId,
          live.map((f) => f.flowId),
        ),
      )
      .groupBy(cancelFlowVersions.flowId),
    userNames(
      db,
      live.map((f) => f.createdBy),
    ),
  ]);
  return live.map((f) => ({
    id: f.flowId,
    isDefault: f.isDefault,
    position: f.position,
    current: versionRow(f, names),
    versions: counts.find((c) => c.flowId === f.flowId)?.n ?? 1,
  }));
}

/** One live flow and every version of it, newest first; null when there is none (or it is archived). */
export async function getCancelFlow(
  db: Db,
  flowId: string,
): Promise<{ flow: CancelFlowRow<Date>; versions: CancelFlowVersionRow<Date>[] } | null> {
  const [flow] = await db
    .select()
    .from(cancelFlows)
    .where(and(eq(cancelFlows.id, flowId), isNull(cancelFlows.archivedAt)));
  if (!flow) return null;
  const rows = await db
    .select()
    .from(cancelFlowVersions)
    .where(eq(cancelFlowVersions.flowId, flowId))
    .orderBy(desc(cancelFlowVersions.version));
  const names = await userNames(
    db,
    rows.map((r) => r.createdBy),
  );
  const versions = rows.map((r) => versionRow(r, names));
  const current = versions[0];
  if (!current) return null;
  return {
    flow: { id: flow.id, isDefault: flow.isDefault, position: flow.position, current, versions: versions.length },
    versions,
  };
}

/** The reason codes the taxonomy files by default (reason_code_defaults), alphabetical. */
export async function knownReasonCodes(db: Db): Promise<string[]> {
  const rows = await db
    .select({ code: reasonCodeDefaults.reasonCode })
    .from(reasonCodeDefaults)
    .orderBy(asc(reasonCodeDefaults.reasonCode));
  return rows.map((r) => r.code);
}

/** Two values equal as JSON, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const ea = defined(a);
  const eb = new Map(defined(b));
  return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && sameValue(v, eb.get(k)));
}

const snapshotOf = (v: FlowVersion): CancelFlowSnapshot => ({
  name: v.name,
  targeting: { segments: v.segments.filter(isSegment), plans: v.plans, locales: v.locales },
  content: v.content,
});

export type SaveCancelFlowResult =
  | { ok: true; saved: true; flowId: string; version: number; changes: string[] }
  /** Nothing differs from the newest version: no version was made. */
  | { ok: true; saved: false; flowId: string; version: number }
  | { ok: false; reason: "gone" }
  /** The default flow is tried last, for everyone: it has no targeting. */
  | { ok: false; reason: "default-targeted" }
  /** Someone saved a newer version since `baseVersion`. */
  | { ok: false; reason: "changed"; version: number; changedBy: string | null; changedAt: Date };

export interface SaveCancelFlowData extends CancelFlowSnapshot {
  /** Absent: a new targeted flow, tried after every other targeted flow (before the default). */
  flowId?: string | undefined;
  /** The version the editor started from; a newer one refuses the save. */
  baseVersion?: number | undefined;
}

const targeted = (s: CancelFlowSnapshot) =>
  s.targeting.segments.length + s.targeting.plans.length + s.targeting.locales.length > 0;

/**
 * Saves a flow as its next version, with the changes `describe` words; an unchanged flow makes no
 * version. Without `flowId`, makes a new targeted flow at version 1.
 */
export async function saveCancelFlow(
  db: Db,
  input: SaveCancelFlowData,
  actor: Actor,
  describe: DescribeChanges,
  options: { now?: Date; note?: string } = {},
): Promise<SaveCancelFlowResult> {
  const now = options.now ?? new Date();
  const after: CancelFlowSnapshot = { name: input.name, targeting: input.targeting, content: input.content };
  const createdBy = actor.type === "user" ? actor.id : null;
  return db.transaction(async (tx): Promise<SaveCancelFlowResult> => {
    if (input.flowId === undefined) {
      const flowId = `cf_${createId()}`;
      const [last] = await tx
        .select({ p: max(cancelFlows.position) })
        .from(cancelFlows)
        .where(eq(cancelFlows.isDefault, false));
      const position = (last?.p ?? 0) + 1;
      await tx.insert(cancelFlows).values({ id: flowId, isDefault: false, position, createdAt: now });
      const changes = ["Created"];
      await tx.insert(cancelFlowVersions).values(versionValues(flowId, 1, after, changes, createdBy, now));
      await recordAudit(tx, actor, {
        action: "cancel_flow.create",
        entityType: "cancel_flow",
        entityId: flowId,
        after: { version: 1, name: after.name, targeting: after.targeting, position },
      });
      return { ok: true, saved: true, flowId, version: 1, changes };
    }
    const flowId = input.flowId;
    const [flow] = await tx
      .select({ isDefault: cancelFlows.isDefault })
      .from(cancelFlows)
      .where(and(eq(cancelFlows.id, flowId), isNull(cancelFlows.archivedAt)))
      .for("update");
    if (!flow) return { ok: false, reason: "gone" };
    if (flow.isDefault && targeted(after)) return { ok: false, reason: "default-targeted" };
    const [newest] = await tx
      .select()
      .from(cancelFlowVersions)
      .where(eq(cancelFlowVersions.flowId, flowId))
      .orderBy(desc(cancelFlowVersions.version))
      .limit(1);
    if (!newest) return { ok: false, reason: "gone" };
    if (input.baseVersion !== undefined && newest.version !== input.baseVersion) {
      const names = await userNames(tx, [newest.createdBy]);
      return {
        ok: false,
        reason: "changed",
        version: newest.version,
        changedBy: newest.createdBy ? (names.get(newest.createdBy) ?? null) : null,
        changedAt: newest.createdAt,
      };
    }
    const before = snapshotOf(newest);
    if (sameValue(before, after)) return { ok: true, saved: false, flowId, version: newest.version };
    const worded = describe(before, after);
    const changes = [...(options.note ? [options.note] : []), ...(worded.length > 0 ? worded : ["Edited"])];
    const version = newest.version + 1;
    await tx.insert(cancelFlowVersions).values(versionValues(flowId, version, after, changes, createdBy, now));
    await recordAudit(tx, actor, {
      action: "cancel_flow.save",
      entityType: "cancel_flow",
      entityId: flowId,
      before: { version: newest.version, name: before.name, targeting: before.targeting },
      after: { version, name: after.name, targeting: after.targeting, changes },
    });
    return { ok: true, saved: true, flowId, version, changes };
  });
}

function versionValues(
  flowId: string,
  version: number,
  s: CancelFlowSnapshot,
  changes: string[],
  createdBy: string | null,
  now: Date,
) {
  return {
    id: `cfv_${createId()}`,
    flowId,
    version,
    name: s.name,
    segments: s.targeting.segments,
    plans: s.targeting.plans,
    locales: s.targeting.locales,
    content: s.content,
    changes,
    createdBy,
    createdAt: now,
  };
}

/** Saves an old version's name, targeting and content as the flow's newest version. */
export async function restoreCancelFlowVersion(
  db: Db,
  input: { flowId: string; version: number; baseVersion?: number | undefined },
  actor: Actor,
  describe: DescribeChanges,
  now: Date = new Date(),
): Promise<SaveCancelFlowResult | { ok: false; reason: "no-version" }> {
  const [old] = await db
    .select()
    .from(cancelFlowVersions)
    .where(and(eq(cancelFlowVersions.flowId, input.flowId), eq(cancelFlowVersions.version, input.version)));
  if (!old) return { ok: false, reason: "no-version" };
  return saveCancelFlow(
    db,
    { ...snapshotOf(old), flowId: input.flowId, baseVersion: input.baseVersion },
    actor,
    describe,
    { now, note: `Restored version ${input.version}` },
  );
}

export type FlowOrderResult = { ok: true; order: string[] } | { ok: false; reason: "gone" | "default" | "edge" };

/** The live targeted flows, locked, in the order sessions try them. */
async function lockedOrder(tx: Db): Promise<{ id: string; position: number }[]> {
  const rows = await tx
    .select({ id: cancelFlows.id, position: cancelFlows.position })
    .from(cancelFlows)
    .where(and(eq(cancelFlows.isDefault, false), isNull(cancelFlows.archivedAt)))
    .orderBy(asc(cancelFlows.id))
    .for("update");
  return rows.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** Moves a targeted flow one place earlier or later in the order; positions become 1..n. */
export async function moveCancelFlow(
  db: Db,
  flowId: string,
  direction: "up" | "down",
  actor: Actor,
): Promise<FlowOrderResult> {
  return db.transaction(async (tx): Promise<FlowOrderResult> => {
    const order = await lockedOrder(tx);
    const from = order.findIndex((f) => f.id === flowId);
    if (from < 0) {
      const [flow] = await tx
        .select({ isDefault: cancelFlows.isDefault })
        .from(cancelFlows)
        .where(and(eq(cancelFlows.id, flowId), isNull(cancelFlows.archivedAt)));
      return { ok: false, reason: flow?.isDefault ? "default" : "gone" };
    }
    const to = direction === "up" ? from - 1 : from + 1;
    const moved = order[from];
    const other = order[to];
    if (!moved || !other) return { ok: false, reason: "edge" };
    const before = order.map((f) => f.id);
    order[to] = moved;
    order[from] = other;
    for (const [i, f] of order.entries())
      if (f.position !== i + 1)
        await tx
          .update(cancelFlows)
          .set({ position: i + 1 })
          .where(eq(cancelFlows.id, f.id));
    const after = order.map((f) => f.id);
    await recordAudit(tx, actor, {
      action: "cancel_flow.move",
      entityType: "cancel_flow",
      entityId: flowId,
      before: { order: before },
      after: { order: after },
    });
    return { ok: true, order: after };
  });
}

/** Archives a targeted flow: sessions stop starting on it (those under way keep their version). */
export async function archiveCancelFlow(
  db: Db,
  flowId: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; reason: "gone" | "default" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cancelFlows)
      .set({ archivedAt: now })
      .where(and(eq(cancelFlows.id, flowId), eq(cancelFlows.isDefault, false), isNull(cancelFlows.archivedAt)))
      .returning({ id: cancelFlows.id, position: cancelFlows.position });
    if (!row) {
      const [flow] = await tx
        .select({ isDefault: cancelFlows.isDefault })
        .from(cancelFlows)
        .where(and(eq(cancelFlows.id, flowId), isNull(cancelFlows.archivedAt)));
      return { ok: false as const, reason: flow?.isDefault ? ("default" as const) : ("gone" as const) };
    }
    await recordAudit(tx, actor, {
      action: "cancel_flow.archive",
      entityType: "cancel_flow",
      entityId: flowId,
      before: { archivedAt: null, position: row.position },
      after: { archivedAt: now.toISOString() },
    });
    return { ok: true as const };
  });
}

/**
 * "Preview as account…": a preview session on this flow for the account, by the admin, audited.
 * Counted nowhere and sending nothing (cancel-session-finish.ts skips previews).
 */
export async function createPreviewSession(
  db: Db,
  input: { flowId: string; accountExternalId: string; returnUrl: string; locale: string },
  actor: Actor,
  options: { minutes: number; now?: Date },
): Promise<CreateCancelSessionResult> {
  return db.transaction(async (tx) => {
    const result = await createCancelSession(
      tx,
      input,
      { userId: actor.type === "user" ? actor.id : null, preview: true },
      options,
    );
    if (!result.ok) return result;
    await recordAudit(tx, actor, {
      action: "cancel_session.preview",
      entityType: "cancel_session",
      entityId: result.session.id,
      after: {
        flowId: input.flowId,
        flowVersion: result.session.flowVersion,
        accountExternalId: input.accountExternalId,
        locale: input.locale,
        preview: true,
      },
    });
    return result;
  });
}
