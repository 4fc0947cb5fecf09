// Health scores and the at-risk queue on a hand-made fixture, on a real database.
//
// asOf = 2026-11-26 12:00 UTC, so the last 28 days are 30 Oct – 26 Nov and the 28 days before
// them 3 Oct – 29 Oct. Settings: depth .2, breadth .15, trend .25, billing .15, intent .15,
// voice .1; key features dashboards, reports, alerts; threshold 50.
//
// busy  — 10 seats, u01…u10 active on 10 Oct; u01…u09 also on 10 Nov (one person went quiet).
//         Features: dashboards in Nov, reports only on 3 Oct (previous window: not counted).
//         A survey answer on 1 Aug (over 90 days ago). No NPS.
//         depth 9/10, breadth 1/3, trend 9/10, billing 1, intent 1, voice left out (weights ÷ .9):
//         (.2×.9 + .15/3 + .25×.9 + .15 + .15) ÷ .9 = .755 ÷ .9 → 83.888…
// quiet — 10 seats, u01…u10 active on 10 Oct, u02 also on 29 Oct (still the previous window),
//         only u01 on 30 Oct (the first day of the last window): last 1, previous 10.
//         No feature use. Failed payments 20 Oct (over 30 days ago), 1 Nov, recovered 3 Nov,
//         failed 10 Nov and 20 Nov: 2 unrecovered. Survey answer 14 Nov, pause offer taken.
//         NPS 9 on 1 May (over 180 days ago), NPS 3 on 2 Nov.
//         depth .1, breadth 0, trend .1, billing 0, intent 0, voice .3:
//         .02 + 0 + .025 + 0 + 0 + .03 = .075 → 7.5
// idle  — 5 seats, MRR $500 (more than quiet's $100), u01 active on 10 Jun and never since, no signals:
//         depth 0, breadth 0, trend 0 (both windows empty), billing 1, intent 1: .3 ÷ .9 → 33.33…
// billing — 5 seats, MRR $300, no activity ever sent (billing data only), no signals: depth,
//         breadth and trend left out; billing 1, intent 1: (.15 + .15) ÷ .3 → 100, not queued.
// trial — a trial ending 29 Nov (within 7 days): enters the conversion tab.
// stale — a trial that ended 16 Oct (41 days before): neither scored nor queued.
import { beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/rows";
import { accounts, activityFeatureMonths, activityUserMonths, signals, triageItems, users } from "@/db/schema";
import { markFullRunDone, refreshHealthOnce } from "@/lib/health/scheduler";
import { setupTestDbPerTest } from "@/test/db";
import { insertAccounts, insertResponses } from "@/test/fixtures";
import { SYSTEM_ACTOR } from "./audit";
import { getHealthSettings, recomputeHealth, saveHealthSettings } from "./health";
import { takeHealthStale } from "./health-stale";
import { ingestBatch } from "./ingest";
import { type ItemChange, changeItem, listQueue, logOutreach } from "./triage";
import type { SessionUser } from "./users";

// Scores, the queue and the settings belong to the whole installation, and most tests change them:
// each test has a database of its own, with the fixture above.
const t = setupTestDbPerTest();
const asOf = new Date("2026-11-26T12:00:00Z");
const HOUR = 3_600_000;
const weights = { depth: 0.2, breadth: 0.15, trend: 0.25, billing: 0.15, intent: 0.15, voice: 0.1 };
const settings = { weights, keyFeatures: ["dashboards", "reports", "alerts"], threshold: 50 };
const bit = (day: number) => 1 << (day - 1);
const cs: SessionUser = { id: "usr_cs", email: "cs@test", name: "Casey", role: "cs" };
const cs2: SessionUser = { id: "usr_cs2", email: "cs2@test", name: "Corey", role: "cs" };
const manager: SessionUser = { id: "usr_mgr", email: "mgr@test", name: "Morgan", role: "manager" };
const actor = (u: SessionUser) => ({ type: "user" as const, id: u.id, label: u.email });
const filters = {
  tab: "recovery" as const,
  who: "all" as const,
  status: "live" as const,
  segment: null,
  owner: null,
  page: 1,
  on: null,
};

async function scoreOf(accountId: string) {
  const [row] = await queryRows<{ score: number; reasons: string[] }>(
    t.db,
    sql`select score, reasons from health_scores where account_id = ${accountId}`,
  );
  return row;
}

async function itemOf(accountId: string) {
  const [row] = await t.db
    .select()
    .from(triageItems)
    .where(eq(triageItems.accountId, accountId))
    .orderBy(triageItems.createdAt);
  return row;
}

async function itemById(id: string) {
  const [row] = await t.db.select().from(triageItems).where(eq(triageItems.id, id));
  if (!row) throw new Error(`item ${id} vanished`);
  return row;
}

beforeEach(async () => {
  // Accounts marked for re-scoring are kept in this process, not the database: each test starts with none.
  takeHealthStale();
  const db = t.db;
  await db.insert(users).values([cs, cs2, manager].map((u) => ({ ...u, passwordHash: "x" })));
  await insertAccounts(db, [
    { id: "busy", events: [["2025-01-05T00:00:00Z", "converted", 20000]] },
    { id: "quiet", events: [["2025-01-05T00:00:00Z", "converted", 10000]] },
    { id: "idle", events: [["2025-01-05T00:00:00Z", "converted", 50000]] },
    { id: "billing", events: [["2025-01-05T00:00:00Z", "converted", 30000]] },
    { id: "trial", events: [["2026-11-15T00:00:00Z", "trial_started"]] },
    { id: "stale", events: [["2026-10-01T00:00:00Z", "trial_started"]] },
  ]);
  await db
    .update(accounts)
    .set({ seatsPaid: 10 })
    .where(sql`${accounts.id} in ('busy', 'quiet')`);
  await db
    .update(accounts)
    .set({ seatsPaid: 5 })
    .where(sql`${accounts.id} in ('idle', 'billing')`);
  await db
    .update(accounts)
    .set({ trialEndsAt: new Date("2026-11-29T00:00:00Z") })
    .where(eq(accounts.id, "trial"));
  await db
    .update(accounts)
    .set({ trialEndsAt: new Date("2026-10-16T00:00:00Z") })
    .where(eq(accounts.id, "stale"));
  await db.update(accounts).set({ ownerId: manager.id }).where(eq(accounts.id, "idle"));
  const refs = Array.from({ length: 10 }, (_, i) => `u${String(i + 1).padStart(2, "0")}`);
  const rows = [
    ...refs.map((u) => ({ accountId: "busy", month: "2026-10-01", userRef: u, activeDays: bit(10), events: 1 })),
    ...refs
      .slice(0, 9)
      .map((u) => ({ accountId: "busy", month: "2026-11-01", userRef: u, activeDays: bit(10), events: 1 })),
    ...refs.map((u) => ({
      accountId: "quiet",
      month: "2026-10-01",
      userRef: u,
      activeDays: bit(10) | (u === "u02" ? bit(29) : 0) | (u === "u01" ? bit(30) : 0),
      events: 1,
    })),
    { accountId: "idle", month: "2026-06-01", userRef: "u01", activeDays: bit(10), events: 1 },
  ];
  await db.insert(activityUserMonths).values(rows);
  await db.insert(activityFeatureMonths).values([
    { accountId: "busy", month: "2026-11-01", feature: "dashboards", activeDays: bit(10), events: 9 },
    { accountId: "busy", month: "2026-10-01", feature: "reports", activeDays: bit(3), events: 1 },
    { accountId: "busy", month: "2026-11-01", feature: "sharing", activeDays: bit(12), events: 1 },
  ]);
  const at = (iso: string) => new Date(iso);
  await db.insert(signals).values([
    { accountId: "quiet", kind: "payment_failed", occurredAt: at("2026-10-20T10:00:00Z") },
    { accountId: "quiet", kind: "payment_failed", occurredAt: at("2026-11-01T10:00:00Z") },
    { accountId: "quiet", kind: "payment_recovered", occurredAt: at("2026-11-03T10:00:00Z") },
    { accountId: "quiet", kind: "payment_failed", occurredAt: at("2026-11-10T10:00:00Z") },
    { accountId: "quiet", kind: "payment_failed", occurredAt: at("2026-11-20T10:00:00Z") },
    { accountId: "quiet", kind: "nps", score: 9, occurredAt: at("2026-05-01T10:00:00Z") },
    { accountId: "quiet", kind: "nps", score: 3, occurredAt: at("2026-11-02T10:00:00Z") },
  ]);
  await insertResponses(db, [
    { accountId: "busy", submittedAt: "2026-08-01T10:00:00Z", reasonCode: "too_expensive", outcome: "saved" },
    {
      accountId: "quiet",
      submittedAt: "2026-11-14T10:00:00Z",
      reasonCode: "unused",
      offerShown: "pause",
      offerAccepted: true,
      outcome: "paused",
    },
  ]);
  await saveHealthSettings(db, settings, SYSTEM_ACTOR);
});

describe("health scores", () => {
  it("scores each component as the fixture's comments compute", async () => {
    expect((await getHealthSettings(t.db)).keyFeatures).toEqual(settings.keyFeatures);
    const result = await recomputeHealth(t.db, asOf);
    expect(result.scored).toBe(5); // busy, quiet, idle, billing, trial — not the long-ended trial
    expect((await scoreOf("busy"))?.score).toBeCloseTo((100 * 0.755) / 0.9, 3);
    expect((await scoreOf("quiet"))?.score).toBeCloseTo(7.5, 3);
    expect((await scoreOf("idle"))?.score).toBeCloseTo((100 * 0.3) / 0.9, 3);
    expect(await scoreOf("stale")).toBeUndefined();
  });

  it("leaves out depth, breadth and trend of an account that never sent activity", async () => {
    await recomputeHealth(t.db, asOf);
    const [row] = await queryRows<{ score: number; reasons: string[]; components: { name: string }[] }>(
      t.db,
      sql`select score, reasons, components from health_scores where account_id = 'billing'`,
    );
    expect(row?.components.map((c) => c.name)).toEqual(["billing", "intent"]);
    expect(row?.score).toBe(100);
    expect(row?.reasons).toEqual([]);
    // Stopped is not the same as never: idle was active in June and its usage counts as 0.
    expect((await scoreOf("idle"))?.reasons).toContain("No active users in the last 56 days");
  });

  it("does not flag one quiet person in a busy team, and says why the quiet team is at risk", async () => {
    await recomputeHealth(t.db, asOf);
    expect((await scoreOf("busy"))?.reasons).toEqual(["Uses 1 of 3 key features"]);
    // Largest loss first: trend .25×.9 = .225, depth .2×.9 = .18, then breadth, billing and intent
    // at .15 each (in component order), voice .1×.7 = .07.
    expect((await scoreOf("quiet"))?.reasons).toEqual([
      "Active users down 90 % over 28 days (10 → 1)",
      "1 of 10 paid seats active in the last 28 days",
      "Uses 0 of 3 key features",
      "2 failed payments not recovered",
      "Opened the cancel survey 12 days ago and took the pause offer",
      "NPS 3 on 2 Nov",
    ]);
  });

  it("puts the accounts below the threshold in the queue, the most MRR first, and trials apart", async () => {
    await recomputeHealth(t.db, asOf);
    const recovery = await listQueue(t.db, manager, filters, asOf);
    expect(recovery.rows.map((r) => r.externalId)).toEqual(["idle", "quiet"]); // $500 before $100
    expect(recovery.rows[0]?.assigneeName).toBe("Morgan"); // the account's owner takes it
    expect(recovery.rows[1]?.assigneeId).toBeNull();
    const conversion = await listQueue(t.db, manager, { ...filters, tab: "conversion" }, asOf);
    expect(conversion.rows.map((r) => r.externalId)).toEqual(["trial"]);
    expect(recovery.counts).toEqual({ recovery: 2, conversion: 1, due: 0 });
  });

  it("does not add an account again while its item is live, nor after it closed until it falls below again", async () => {
    await recomputeHealth(t.db, asOf);
    await recomputeHealth(t.db, new Date(asOf.getTime() + HOUR));
    expect(await t.db.select().from(triageItems)).toHaveLength(3);
    const quiet = await itemOf("quiet");
    if (!quiet) throw new Error("quiet has no item");
    // Dismissed at 13:30 on the test's clock, between two scoring runs (not the wall clock's time).
    const dismissedAt = new Date(asOf.getTime() + 1.5 * HOUR);
    expect(
      (
        await changeItem(
          t.db,
          manager,
          { id: quiet.id, version: quiet.version, status: "dismissed" },
          actor(manager),
          dismissedAt,
        )
      ).ok,
    ).toBe(true);
    await recomputeHealth(t.db, new Date(asOf.getTime() + 2 * HOUR));
    expect(await t.db.select().from(triageItems).where(eq(triageItems.accountId, "quiet"))).toHaveLength(1);
    // The threshold drops under its score (it is no longer below), then comes back: it fell again.
    await saveHealthSettings(t.db, { ...settings, threshold: 5 }, SYSTEM_ACTOR);
    await recomputeHealth(t.db, new Date(asOf.getTime() + 3 * HOUR));
    await saveHealthSettings(t.db, settings, SYSTEM_ACTOR);
    await recomputeHealth(t.db, new Date(asOf.getTime() + 4 * HOUR));
    const items = await t.db.select().from(triageItems).where(eq(triageItems.accountId, "quiet"));
    expect(items.map((i) => i.status).sort()).toEqual(["dismissed", "open"]);
  });

  it("closes a conversion item by itself when the trial converts", async () => {
    await recomputeHealth(t.db, asOf);
    expect((await itemOf("trial"))?.status).toBe("open");
    await ingestBatch(
      t.db,
      "subscription-events",
      [{ accountExternalId: "trial", occurredAt: "2026-11-26T13:00:00Z", type: "converted", mrrAfterCents: 4900 }],
      SYSTEM_ACTOR,
    );
    await recomputeHealth(t.db, new Date(asOf.getTime() + 5 * HOUR));
    expect((await itemOf("trial"))?.status).toBe("saved");
  });

  it("re-scores an account from the scheduler's next round after new activity arrives", async () => {
    await recomputeHealth(t.db, asOf);
    const now = new Date(asOf.getTime() + 6 * HOUR);
    markFullRunDone(now);
    const before = (await scoreOf("idle"))?.score ?? 0;
    const items = ["u1", "u2", "u3", "u4", "u5"].map((userRef) => ({
      accountExternalId: "idle",
      userRef,
      feature: "dashboards",
      occurredAt: "2026-11-26T15:00:00Z",
    }));
    const outcome = await ingestBatch(t.db, "activity", items, SYSTEM_ACTOR);
    expect(outcome.ok).toBe(true);
    await refreshHealthOnce(t.db, new Date(now.getTime() + 30_000));
    // depth 5/5, breadth 1/3, trend 1 (only the earlier window empty), billing 1, intent 1 →
    // (.2 + .05 + .25 + .15 + .15) ÷ .9 = 88.88…
    expect(before).toBeCloseTo(33.33, 1);
    expect((await scoreOf("idle"))?.score).toBeCloseTo(80 / 0.9, 3);
  });
});

describe("triage changes", () => {
  it("refuses a stale write with 409, names who changed it, and keeps their change", async () => {
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
    expect(stale).toMatchObject({ ok: false, status: 409, changedBy: "Morgan" });
    expect((await itemOf("idle"))?.status).toBe("in_progress");
  });

  it("lets a cs user neither take someone else's item nor assign to another person", async () => {
    await recomputeHealth(t.db, asOf);
    const idle = await itemOf("idle"); // assigned to the manager
    if (!idle) throw new Error("idle has no item");
    const taken = await changeItem(t.db, cs, { id: idle.id, version: idle.version, assigneeId: cs.id }, actor(cs));
    expect(taken).toMatchObject({ ok: false, status: 403 });
    expect(await itemOf("idle")).toEqual(idle);
    const open = (
      await t.db
        .select()
        .from(triageItems)
        .where(sql`${triageItems.accountId} = 'quiet' and ${triageItems.status} = 'open'`)
    )[0];
    if (!open) throw new Error("quiet has no open item");
    const toOther = await changeItem(t.db, cs, { id: open.id, version: open.version, assigneeId: cs2.id }, actor(cs));
    expect(toOther).toMatchObject({ ok: false, status: 403 });
    const toSelf = await changeItem(t.db, cs, { id: open.id, version: open.version, assigneeId: cs.id }, actor(cs));
    expect(toSelf.ok).toBe(true);
    // Now it is Casey's: Corey (cs) cannot snooze it; the manager can reassign it.
    const mine = (await t.db.select().from(triageItems).where(eq(triageItems.id, open.id)))[0];
    if (!mine) throw new Error("item vanished");
    expect(
      await changeItem(t.db, cs2, { id: open.id, version: mine.version, snoozeUntil: "2026-12-01" }, actor(cs2)),
    ).toMatchObject({ ok: false, status: 403 });
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
        .where(sql`${triageItems.accountId} = 'quiet' and ${triageItems.status} = 'open'`)
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
    ).toMatchObject({ ok: false, status: 409 });
    // Casey may not take the manager's item, takes quiet's, and the manager gives it to Corey.
    expect(await change(cs, idle.id, { assigneeId: cs.id }, at(0.5))).toMatchObject({ ok: false, status: 403 });
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
    await ingestBatch(
      t.db,
      "subscription-events",
      [{ accountExternalId: "trial", occurredAt: "2026-11-26T13:00:00Z", type: "converted", mrrAfterCents: 4900 }],
      SYSTEM_ACTOR,
    );
    await recomputeHealth(t.db, at(5));
    const rows = await queryRows<{ action: string; n: number }>(
      t.db,
      sql`select action, count(*)::int as n from audit_log where entity_type = 'triage_item' or action = 'outreach.log' group by action order by action`,
    );
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    // enter: idle, quiet, trial, quiet again — not the converted trial, which never sent activity
    // (billing 1, intent 1: 100); close: its conversion item; updates: in_progress, assign to self,
    // reassign, snooze, dismiss = 5 (refused changes write nothing).
    expect(byAction).toEqual({ "outreach.log": 1, "triage.close": 1, "triage.enter": 4, "triage.update": 5 });
  });
});
