// Changes people make to queue items that health scoring created: stale writes, the cs role's limits,
// outreach, snoozes and the audit log, on the hand-made fixture of test/health-fixture.ts.
import { describe, expect, it } from "vitest";
import { and, count, eq, or } from "drizzle-orm";
import { auditLog, triageItems } from "@/db/schema";
import type { SessionUser } from "@/lib/types/session";
import type { ItemChange } from "@/lib/types/triage";
import {
  actor,
  asOf,
  convertTrial,
  cs,
  cs2,
  filters,
  HOUR,
  manager,
  settings,
  setupHealthFixture,
} from "@/test/health-fixture";
import { SYSTEM_ACTOR } from "./audit";
import { recomputeHealth } from "./health";
import { saveHealthSettings } from "./health-settings";
import { changeItem } from "./triage-items";
import { logOutreach } from "./triage-outreach";
import { listQueue } from "./triage-queue";

const { t, itemOf, itemById } = setupHealthFixture();

describe("triage changes", () => {
  it("refuses a stale write as changed, names who changed it, and keeps their change", async () => {
    await recomputeHealth(t.db, asOf);
    const item = await itemOf("idle");
    if (!item) throw new Error("idle has no item");
    const first = await changeItem(
      t.db,
      manager,
      { id: item.id, version: item.version, status: "in_progress" },
      actor(manager),
    );
    expect(first.ok).toBe(true);
    const stale = await changeItem(
      t.db,
      manager,
      { id: item.id, version: item.version, status: "lost" },
      actor(manager),
    );
    expect(stale).toMatchObject({ ok: false, reason: "changed", changedBy: "Morgan" });
    expect((await itemOf("idle"))?.status).toBe("in_progress");
  });

  it("lets a cs user neither take someone else's item nor assign to another person", async () => {
    await recomputeHealth(t.db, asOf);
    const idle = await itemOf("idle"); // assigned to the manager
    if (!idle) throw new Error("idle has no item");
    const taken = await changeItem(t.db, cs, { id: idle.id, version: idle.version, assigneeId: cs.id }, actor(cs));
    expect(taken).toEqual({ ok: false, reason: "not-yours" });
    expect(await itemOf("idle")).toEqual(idle);
    const open = (
      await t.db
        .select()
        .from(triageItems)
        .where(and(eq(triageItems.accountId, "quiet"), eq(triageItems.status, "open")))
    )[0];
    if (!open) throw new Error("quiet has no open item");
    const toOther = await changeItem(t.db, cs, { id: open.id, version: open.version, assigneeId: cs2.id }, actor(cs));
    expect(toOther).toEqual({ ok: false, reason: "assign-to-self-only" });
    const toSelf = await changeItem(t.db, cs, { id: open.id, version: open.version, assigneeId: cs.id }, actor(cs));
    expect(toSelf.ok).toBe(true);
    // Now it is Casey's: Corey (cs) cannot snooze it; the manager can reassign it.
    const mine = (await t.db.select().from(triageItems).where(eq(triageItems.id, open.id)))[0];
    if (!mine) throw new Error("item vanished");
    expect(
      await changeItem(t.db, cs2, { id: open.id, version: mine.version, snoozeUntil: "2026-12-01" }, actor(cs2)),
    ).toEqual({ ok: false, reason: "not-yours" });
    expect(
      (await changeItem(t.db, manager, { id: open.id, version: mine.version, assigneeId: cs2.id }, actor(manager))).ok,
    ).toBe(true);
  });

  it("logs outreach: the item becomes contacted and is due on its follow-up day", async () => {
    await recomputeHealth(t.db, asOf);
    // The manager gives quiet's item to Corey (cs), who then logs the call.
    const given = await itemOf("quiet");
    if (!given) throw new Error("quiet has no item");
    expect(
      (await changeItem(t.db, manager, { id: given.id, version: given.version, assigneeId: cs2.id }, actor(manager)))
        .ok,
    ).toBe(true);
    const item = (
      await t.db
        .select()
        .from(triageItems)
        .where(and(eq(triageItems.accountId, "quiet"), eq(triageItems.status, "open")))
    )[0];
    if (!item) throw new Error("quiet has no open item");
    const logged = await logOutreach(
      t.db,
      cs2,
      {
        accountExternalId: "quiet",
        item: { id: item.id, version: item.version },
        channel: "call",
        summary: "Spoke to the admin",
        nextFollowUpOn: "2026-11-28",
      },
      actor(cs2),
    );
    expect(logged.ok).toBe(true);
    const after = (await t.db.select().from(triageItems).where(eq(triageItems.id, item.id)))[0];
    expect(after?.status).toBe("contacted");
    const due = (day: string) => listQueue(t.db, cs2, { ...filters, tab: "due" }, new Date(`${day}T09:00:00Z`));
    expect((await due("2026-11-27")).rows).toHaveLength(0);
    expect((await due("2026-11-28")).rows.map((r) => r.externalId)).toEqual(["quiet"]);
    expect((await due("2026-11-30")).rows.map((r) => r.externalId)).toEqual(["quiet"]); // overdue stays
  });

  it("snoozes an item out of the queue until its day, then it comes back", async () => {
    await recomputeHealth(t.db, asOf);
    const item = await itemOf("idle");
    if (!item) throw new Error("idle has no item");
    expect(
      (
        await changeItem(
          t.db,
          manager,
          { id: item.id, version: item.version, snoozeUntil: "2026-12-03" },
          actor(manager),
        )
      ).ok,
    ).toBe(true);
    const ids = async (at: string, status: "live" | "snoozed" = "live") =>
      (await listQueue(t.db, manager, { ...filters, status }, new Date(at))).rows.map((r) => r.externalId);
    expect(await ids("2026-12-02T23:59:00Z")).not.toContain("idle");
    expect(await ids("2026-12-02T23:59:00Z", "snoozed")).toEqual(["idle"]);
    expect(await ids("2026-12-03T00:00:00Z")).toContain("idle");
    // Snoozed is still live: the next recompute does not add the account a second time.
    await recomputeHealth(t.db, new Date("2026-12-01T00:00:00Z"));
    expect(await t.db.select().from(triageItems).where(eq(triageItems.accountId, "idle"))).toHaveLength(1);
  });

  it("writes every change to the audit log", async () => {
    const at = (hours: number) => new Date(asOf.getTime() + hours * HOUR);
    await recomputeHealth(t.db, asOf);
    const idle = await itemOf("idle");
    const quiet = await itemOf("quiet");
    if (!idle || !quiet) throw new Error("idle or quiet has no item");
    const change = async (user: SessionUser, id: string, fields: Omit<ItemChange, "id" | "version">, now: Date) =>
      changeItem(t.db, user, { id, version: (await itemById(id)).version, ...fields }, actor(user), now);
    // The manager starts on idle; the same write again, with the version already used, is refused.
    expect((await change(manager, idle.id, { status: "in_progress" }, at(0.25))).ok).toBe(true);
    expect(
      await changeItem(t.db, manager, { id: idle.id, version: idle.version, status: "lost" }, actor(manager), at(0.25)),
    ).toMatchObject({ ok: false, reason: "changed" });
    // Casey may not take the manager's item, takes quiet's, and the manager gives it to Corey.
    expect(await change(cs, idle.id, { assigneeId: cs.id }, at(0.5))).toEqual({ ok: false, reason: "not-yours" });
    expect((await change(cs, quiet.id, { assigneeId: cs.id }, at(0.5))).ok).toBe(true);
    expect((await change(manager, quiet.id, { assigneeId: cs2.id }, at(0.75))).ok).toBe(true);
    const logged = await logOutreach(
      t.db,
      cs2,
      {
        accountExternalId: "quiet",
        item: { id: quiet.id, version: (await itemById(quiet.id)).version },
        channel: "email",
        summary: "Asked how the team is doing",
      },
      actor(cs2),
    );
    expect(logged.ok).toBe(true);
    expect((await change(manager, idle.id, { snoozeUntil: "2026-12-03" }, at(1))).ok).toBe(true);
    expect((await change(manager, quiet.id, { status: "dismissed" }, at(1.5))).ok).toBe(true);
    // Quiet rises above a lowered threshold, then falls below the usual one again: it enters again.
    await saveHealthSettings(t.db, { ...settings, threshold: 5 }, SYSTEM_ACTOR);
    await recomputeHealth(t.db, at(3));
    await saveHealthSettings(t.db, settings, SYSTEM_ACTOR);
    await recomputeHealth(t.db, at(4));
    // The trial converts: its conversion item closes.
    await convertTrial(t.db);
    await recomputeHealth(t.db, at(5));
    const rows = await t.db
      .select({ action: auditLog.action, n: count() })
      .from(auditLog)
      .where(or(eq(auditLog.entityType, "triage_item"), eq(auditLog.action, "outreach.log")))
      .groupBy(auditLog.action)
      .orderBy(auditLog.action);
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    // enter: idle, quiet, trial, quiet again — not the converted trial, which never sent activity
    // (billing 1, intent 1: 100); close: its conversion item; updates: in_progress, assign to self,
    // reassign, snooze, dismiss = 5 (refused changes write nothing).
    expect(byAction).toEqual({ "outreach.log": 1, "triage.close": 1, "triage.enter": 4, "triage.update": 5 });
  });
});
