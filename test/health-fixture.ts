// The hand-made health fixture shared by the health-score and triage-change tests, on a real database.
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
import { beforeEach } from "vitest";
import { eq, inArray } from "drizzle-orm";
import {
  accounts,
  activityFeatureMonths,
  activityUserMonths,
  healthScores,
  signals,
  triageItems,
  users,
} from "@/db/schema";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { allChecked, ingestBatch } from "@/db/queries/ingest";
import { saveHealthSettings } from "@/db/queries/health-settings";
import { takeHealthStale } from "@/db/queries/health-stale";
import type { SessionUser } from "@/lib/types/session";
import { setupTestDbPerTest } from "./db";
import { insertAccounts, insertResponses } from "./fixtures";

export const asOf = new Date("2026-11-26T12:00:00Z");
export const HOUR = 3_600_000;
export const weights = { depth: 0.2, breadth: 0.15, trend: 0.25, billing: 0.15, intent: 0.15, voice: 0.1 };
export const settings = { weights, keyFeatures: ["dashboards", "reports", "alerts"], threshold: 50 };
const bit = (day: number) => 1 << (day - 1);
export const cs: SessionUser = { id: "usr_cs", email: "cs@test", name: "Casey", role: "cs" };
export const cs2: SessionUser = { id: "usr_cs2", email: "cs2@test", name: "Corey", role: "cs" };
export const manager: SessionUser = { id: "usr_mgr", email: "mgr@test", name: "Morgan", role: "manager" };
export const actor = (u: SessionUser) => ({ type: "user" as const, id: u.id, label: u.email });
/** The fixture's trial converts at 13:00 on asOf's day, through the ingestion path. */
export async function convertTrial(db: Db): Promise<void> {
  const outcome = await ingestBatch(
    db,
    "subscription-events",
    allChecked([
      {
        accountExternalId: "trial",
        occurredAt: new Date("2026-11-26T13:00:00Z"),
        type: "converted",
        mrrAfterCents: 4900,
      },
    ]),
    SYSTEM_ACTOR,
  );
  if (!outcome.ok) throw new Error("the fixture's conversion was refused");
}

export const filters = {
  tab: "recovery" as const,
  who: "all" as const,
  status: "live" as const,
  segment: null,
  owner: null,
  page: 1,
  on: null,
};

/**
 * Scores, the queue and the settings belong to the whole installation, and most tests change them:
 * each test has a database of its own, with the fixture above. Call once at a test file's top level.
 */
export function setupHealthFixture() {
  const t = setupTestDbPerTest();

  async function scoreOf(accountId: string) {
    const [row] = await t.db
      .select({ score: healthScores.score, reasons: healthScores.reasons })
      .from(healthScores)
      .where(eq(healthScores.accountId, accountId));
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
    const db = t.db;
    // Each test starts with no account marked for re-scoring by an earlier test's ingest.
    await takeHealthStale(db);
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
      .where(inArray(accounts.id, ["busy", "quiet"]));
    await db
      .update(accounts)
      .set({ seatsPaid: 5 })
      .where(inArray(accounts.id, ["idle", "billing"]));
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

  return { t, scoreOf, itemOf, itemById };
}
