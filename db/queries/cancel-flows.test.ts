// Editing cancel flows: a save is a new version with its changes (never an update in place), an
// unchanged save makes none, a stale save is refused, new flows go last among the targeted ones, the
// list is the order sessions try, up/down reorder it, the default cannot be archived, an old version
// is restored as a new one, and a preview session is marked and audited.
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, cancelFlowVersions, cancelFlows, cancelSessions } from "@/db/schema";
import type { CancelFlowSnapshot } from "@/lib/types/cancel-flow";
import { ensureTestDefaultFlow, insertFlow, testFlowContent } from "@/test/cancel-flow-fixture";
import { setupTestDbPerTest } from "@/test/db";
import { makeAccounts, uniqueEmail } from "@/test/factories";
import { SYSTEM_ACTOR } from "./audit";
import { matchFlowVersion } from "./cancel-flow-match";
import {
  archiveCancelFlow,
  createPreviewSession,
  getCancelFlow,
  listCancelFlows,
  moveCancelFlow,
  restoreCancelFlowVersion,
  saveCancelFlow,
} from "./cancel-flows";
import { createUser } from "./users";

const t = setupTestDbPerTest();
const T0 = new Date("2026-03-02T12:00:00.000Z");
const ANY = { segments: [], plans: [], locales: [] };

/** A stand-in for lib/cancel/diff.ts (db/ does not import it): the top-level fields that differ. */
const describe2 = (a: CancelFlowSnapshot, b: CancelFlowSnapshot) =>
  (["name", "targeting", "content"] as const).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));

async function admin() {
  const user = await createUser(
    t.db,
    { email: uniqueEmail("cf-admin"), name: "Ada Admin", role: "admin", password: "flow-password-1234" },
    SYSTEM_ACTOR,
  );
  return { user, actor: { type: "user" as const, id: user.id, label: user.email } };
}

const versionsOf = (flowId: string) =>
  t.db
    .select()
    .from(cancelFlowVersions)
    .where(eq(cancelFlowVersions.flowId, flowId))
    .orderBy(desc(cancelFlowVersions.version));

const auditOf = (flowId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "cancel_flow"), eq(auditLog.entityId, flowId)));

describe("saveCancelFlow", () => {
  it("makes version n+1 with its changes and who saved it, leaving version n as it was", async () => {
    const { user, actor } = await admin();
    const { flowId } = await insertFlow(t.db, { name: "Pro", plans: ["pro"], versions: 2 });
    const content = testFlowContent({ accentColor: "#0f766e" });
    const saved = await saveCancelFlow(
      t.db,
      { flowId, baseVersion: 2, name: "Pro v2", targeting: { ...ANY, plans: ["pro"] }, content },
      actor,
      describe2,
      { now: T0 },
    );
    expect(saved).toEqual({ ok: true, saved: true, flowId, version: 3, changes: ["content"] });
    const [v3, v2] = await versionsOf(flowId);
    expect(v3).toMatchObject({ version: 3, createdBy: user.id, changes: ["content"], createdAt: T0 });
    expect(v3?.content.accentColor).toBe("#0f766e");
    // Version 2 is untouched: a session on it keeps its content.
    expect(v2).toMatchObject({ version: 2, name: "Pro v2", changes: [] });
    expect(v2?.content.accentColor).toBe("#4f46e5");
    const [entry] = await auditOf(flowId);
    expect(entry).toMatchObject({ action: "cancel_flow.save", actorId: user.id });
    expect(entry?.before).toMatchObject({ version: 2 });
    expect(entry?.after).toMatchObject({ version: 3, changes: ["content"] });
    // The editor lists it with its author's name.
    const open = await getCancelFlow(t.db, flowId);
    expect(open?.versions.map((v) => [v.version, v.createdByName])).toEqual([
      [3, "Ada Admin"],
      [2, null],
      [1, null],
    ]);
  });

  it("makes no version when nothing changed, whatever the order of the content's keys", async () => {
    const { actor } = await admin();
    const { flowId } = await insertFlow(t.db, { name: "Same", locales: ["de"] });
    const [v1] = await versionsOf(flowId);
    if (!v1) throw new Error("inserted");
    // The same content with its keys in another order (texts and reasons first, as jsonb may give them).
    const { texts, reasons, ...rest } = v1.content;
    const same = await saveCancelFlow(
      t.db,
      {
        flowId,
        name: v1.name,
        targeting: { ...ANY, locales: ["de"] },
        content: { texts: { ...texts }, reasons: reasons.map(({ offer, ...r }) => ({ offer, ...r })), ...rest },
      },
      actor,
      describe2,
    );
    expect(same).toEqual({ ok: true, saved: false, flowId, version: 1 });
    expect(await versionsOf(flowId)).toHaveLength(1);
    expect(await auditOf(flowId)).toHaveLength(0);
  });

  it("refuses a save over a newer version, naming who made it, and writes nothing", async () => {
    const { actor } = await admin();
    const { flowId } = await insertFlow(t.db, { name: "Busy", versions: 3 });
    const stale = await saveCancelFlow(
      t.db,
      { flowId, baseVersion: 2, name: "Mine", targeting: ANY, content: testFlowContent() },
      actor,
      describe2,
    );
    expect(stale).toMatchObject({ ok: false, reason: "changed", version: 3, changedBy: null });
    expect(await versionsOf(flowId)).toHaveLength(3);
  });

  it("refuses targeting on the default flow and a flow that is gone", async () => {
    const { actor } = await admin();
    const fallback = await ensureTestDefaultFlow(t.db);
    const input = { name: "Default", targeting: { ...ANY, segments: ["smb" as const] }, content: testFlowContent() };
    expect(await saveCancelFlow(t.db, { ...input, flowId: fallback }, actor, describe2)).toEqual({
      ok: false,
      reason: "default-targeted",
    });
    const archived = await insertFlow(t.db, { archived: true });
    expect(await saveCancelFlow(t.db, { ...input, flowId: archived.flowId }, actor, describe2)).toEqual({
      ok: false,
      reason: "gone",
    });
    expect(await versionsOf(fallback)).toHaveLength(1);
  });

  it("makes a new flow at version 1, tried after the other targeted flows and before the default", async () => {
    const { actor } = await admin();
    const fallback = await ensureTestDefaultFlow(t.db);
    const first = await insertFlow(t.db, { name: "First", segments: ["enterprise"], position: 4 });
    const made = await saveCancelFlow(
      t.db,
      { name: "Germany", targeting: { ...ANY, locales: ["de"] }, content: testFlowContent() },
      actor,
      describe2,
    );
    if (!made.ok || !made.saved) throw new Error("made");
    expect(made).toMatchObject({ version: 1, changes: ["Created"] });
    const [flow] = await t.db.select().from(cancelFlows).where(eq(cancelFlows.id, made.flowId));
    // The highest targeted position was 4: the new flow is 5.
    expect(flow).toMatchObject({ isDefault: false, position: 5 });
    const list = await listCancelFlows(t.db);
    expect(list.map((f) => f.id)).toEqual([first.flowId, made.flowId, fallback]);
    expect(list.map((f) => f.current.name)).toEqual(["First v1", "Germany", "Test default"]);
    expect(list[1]?.current).toMatchObject({ createdByName: "Ada Admin", targeting: { locales: ["de"] } });
    const [entry] = await auditOf(made.flowId);
    expect(entry).toMatchObject({ action: "cancel_flow.create" });
  });
});

describe("the order of flows", () => {
  it("lists live flows in the order a session tries them, each with its newest version and count", async () => {
    const fallback = await insertFlow(t.db, { name: "Default", isDefault: true, position: -5, versions: 2 });
    const late = await insertFlow(t.db, { name: "Late", segments: ["smb"], position: 9 });
    const early = await insertFlow(t.db, { name: "Early", segments: ["smb"], position: 1, versions: 3 });
    await insertFlow(t.db, { name: "Gone", segments: ["smb"], position: 0, archived: true });
    const list = await listCancelFlows(t.db);
    expect(list.map((f) => [f.current.name, f.versions, f.isDefault])).toEqual([
      ["Early v3", 3, false],
      ["Late v1", 1, false],
      ["Default v2", 2, true],
    ]);
    // The first listed that matches is the one a session starts on.
    const match = await matchFlowVersion(t.db, { segment: "smb", plan: null }, "en-US");
    expect(match?.flowId).toBe(early.flowId);
    expect([late.flowId, fallback.flowId]).toEqual(list.slice(1).map((f) => f.id));
  });

  it("moves a targeted flow up and down, numbering positions 1..n, and refuses the default and the ends", async () => {
    const { actor } = await admin();
    const fallback = await ensureTestDefaultFlow(t.db);
    // Positions as written: a and b tie at 0 (a's id sorts first), c at 3.
    const a = await insertFlow(t.db, { segments: ["smb"], position: 0 });
    const b = await insertFlow(t.db, { segments: ["smb"], position: 0 });
    const c = await insertFlow(t.db, { segments: ["smb"], position: 3 });
    const [x, y] = [a, b].sort((p, q) => p.flowId.localeCompare(q.flowId));
    if (!x || !y) throw new Error("two flows");
    const moved = await moveCancelFlow(t.db, c.flowId, "up", actor);
    expect(moved).toEqual({ ok: true, order: [x.flowId, c.flowId, y.flowId] });
    const positions = await t.db.select({ id: cancelFlows.id, p: cancelFlows.position }).from(cancelFlows);
    expect(Object.fromEntries(positions.map((r) => [r.id, r.p]))).toMatchObject({
      [x.flowId]: 1,
      [c.flowId]: 2,
      [y.flowId]: 3,
    });
    expect((await listCancelFlows(t.db)).map((f) => f.id)).toEqual([x.flowId, c.flowId, y.flowId, fallback]);
    expect(await moveCancelFlow(t.db, x.flowId, "down", actor)).toEqual({
      ok: true,
      order: [c.flowId, x.flowId, y.flowId],
    });
    const match = await matchFlowVersion(t.db, { segment: "smb", plan: null }, "en-US");
    expect(match?.flowId).toBe(c.flowId);
    expect(await moveCancelFlow(t.db, c.flowId, "up", actor)).toEqual({ ok: false, reason: "edge" });
    expect(await moveCancelFlow(t.db, fallback, "down", actor)).toEqual({ ok: false, reason: "default" });
    expect(await moveCancelFlow(t.db, "cf_nothing", "down", actor)).toEqual({ ok: false, reason: "gone" });
    const [entry] = await auditOf(c.flowId);
    expect(entry).toMatchObject({ action: "cancel_flow.move" });
    expect(entry?.after).toEqual({ order: [x.flowId, c.flowId, y.flowId] });
  });

  it("archives a targeted flow, so no new session starts on it, and refuses the default", async () => {
    const { actor } = await admin();
    const fallback = await ensureTestDefaultFlow(t.db);
    const smb = await insertFlow(t.db, { segments: ["smb"] });
    expect(await archiveCancelFlow(t.db, fallback, actor)).toEqual({ ok: false, reason: "default" });
    expect(await archiveCancelFlow(t.db, smb.flowId, actor, T0)).toEqual({ ok: true });
    expect(await archiveCancelFlow(t.db, smb.flowId, actor)).toEqual({ ok: false, reason: "gone" });
    expect((await listCancelFlows(t.db)).map((f) => f.id)).toEqual([fallback]);
    expect((await matchFlowVersion(t.db, { segment: "smb", plan: null }, "en-US"))?.flowId).toBe(fallback);
    expect(await getCancelFlow(t.db, smb.flowId)).toBeNull();
    const [row] = await t.db.select().from(cancelFlows).where(eq(cancelFlows.id, fallback));
    expect(row?.archivedAt).toBeNull();
    expect((await auditOf(smb.flowId)).map((e) => e.action)).toEqual(["cancel_flow.archive"]);
  });
});

describe("restoreCancelFlowVersion", () => {
  it("saves an old version as the newest, saying which, and makes none when it is the newest already", async () => {
    const { actor } = await admin();
    const { flowId } = await insertFlow(t.db, { name: "R" });
    const edited = await saveCancelFlow(
      t.db,
      { flowId, name: "R edited", targeting: ANY, content: testFlowContent({ showLoss: false }) },
      actor,
      describe2,
    );
    expect(edited).toMatchObject({ ok: true, saved: true, version: 2 });
    const restored = await restoreCancelFlowVersion(t.db, { flowId, version: 1, baseVersion: 2 }, actor, describe2);
    expect(restored).toEqual({
      ok: true,
      saved: true,
      flowId,
      version: 3,
      changes: ["Restored version 1", "name", "content"],
    });
    const [v3, , v1] = await versionsOf(flowId);
    expect(v3?.name).toBe(v1?.name);
    expect(v3?.content).toEqual(v1?.content);
    expect(await restoreCancelFlowVersion(t.db, { flowId, version: 1 }, actor, describe2)).toEqual({
      ok: true,
      saved: false,
      flowId,
      version: 3,
    });
    expect(await restoreCancelFlowVersion(t.db, { flowId, version: 9 }, actor, describe2)).toEqual({
      ok: false,
      reason: "no-version",
    });
  });
});

describe("createPreviewSession", () => {
  it("starts a preview session on the named flow by the admin, audited, and refuses an unknown account", async () => {
    const { user, actor } = await admin();
    await ensureTestDefaultFlow(t.db);
    const de = await insertFlow(t.db, { name: "German", locales: ["de"] });
    const [account = ""] = await makeAccounts(t.db, 1, "cf-preview");
    const input = {
      flowId: de.flowId,
      accountExternalId: account,
      returnUrl: "https://holdfast.example.com/admin/cancel-flow",
      locale: "de",
    };
    const made = await createPreviewSession(t.db, input, actor, { minutes: 60, now: T0 });
    if (!made.ok) throw new Error(made.reason);
    const [session] = await t.db.select().from(cancelSessions).where(eq(cancelSessions.id, made.session.id));
    expect(session).toMatchObject({ preview: true, createdBy: user.id, locale: "de", apiKeyId: null });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, made.session.id));
    expect(entry).toMatchObject({ action: "cancel_session.preview", actorId: user.id });
    expect(await createPreviewSession(t.db, { ...input, accountExternalId: "nobody" }, actor, { minutes: 60 })).toEqual(
      { ok: false, reason: "unknown-account" },
    );
  });
});
