// The demo business must look real: churn by segment, trial conversion, the movements a SaaS has,
// team-wide fading before cancels, real-sounding verbatims — and be identical for one seed.
import { beforeAll, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { customersAt } from "@/db/queries/customers";
import { queryRows } from "@/db/rows";
import { accounts, activityUserMonths, cancellationResponses, signals, subscriptionEvents } from "@/db/schema";
import { createTestDb, setupTestDb } from "@/test/db";
import { distinctActive } from "@/lib/metrics/activity";
import type { Db } from "@/db/client";
import { loadDataset } from "./load";
import { generatePreset } from "./presets";
import { shapeOf } from "./shape";

const anchor = new Date("2026-11-26T00:00:00Z");
const DAY = 86_400_000;
const t = setupTestDb();

async function eventsFromDb(db: Db) {
  return db
    .select({
      accountId: subscriptionEvents.accountId,
      occurredAt: subscriptionEvents.occurredAt,
      type: subscriptionEvents.type,
      mrrAfterCents: subscriptionEvents.mrrAfterCents,
    })
    .from(subscriptionEvents)
    .orderBy(asc(subscriptionEvents.accountId), asc(subscriptionEvents.occurredAt), asc(subscriptionEvents.seq));
}

/** One fingerprint per table, over every column except password hashes (salted by design). */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    users: "select id, email, name, role, active, created_at from users",
    accounts: "select * from accounts",
    subscription_events: "select * from subscription_events",
    signals: "select * from signals",
    cancellation_responses: "select * from cancellation_responses",
    activity_user_months: "select * from activity_user_months",
    activity_feature_months: "select * from activity_feature_months",
  };
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(tables)) {
    const [row] = await queryRows<{ n: number; digest: string }>(
      db,
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from (${query}) x`,
      ),
    );
    out[name] = `${row?.n}:${row?.digest}`;
  }
  return out;
}

describe("demo preset, seed 1", () => {
  // Loaded once: every test only reads it (the determinism test loads its copies elsewhere).
  beforeAll(async () => {
    await loadDataset(t.db, generatePreset("demo", 1, anchor));
  });

  it("loads about 2,000 accounts over 30 months", async () => {
    const [row] = await queryRows<{ n: number; first: string; last: string }>(
      t.db,
      sql`select count(distinct account_id)::int as n, min(occurred_at)::text as first, max(occurred_at)::text as last from subscription_events`,
    );
    expect(row?.n).toBeGreaterThanOrEqual(1900);
    expect(row?.n).toBeLessThanOrEqual(2100);
    const months = (Date.parse(row?.last ?? "") - Date.parse(row?.first ?? "")) / (30.44 * DAY);
    expect(months).toBeGreaterThan(28);
    expect(months).toBeLessThanOrEqual(30);
    expect(Date.parse(row?.last ?? "")).toBeLessThan(anchor.getTime());
  });

  it("churns SMB far faster than enterprise and converts 20–30 % of trials (from the stored events)", async () => {
    const shape = shapeOf(await t.db.select().from(accounts), await eventsFromDb(t.db), anchor);
    expect(shape.yearlyChurn.smb.base).toBeGreaterThan(80);
    expect(shape.yearlyChurn.enterprise.base).toBeGreaterThan(50);
    expect(shape.yearlyChurn.smb.rate).toBeGreaterThanOrEqual(0.3);
    expect(shape.yearlyChurn.smb.rate).toBeLessThanOrEqual(0.55);
    expect(shape.yearlyChurn.enterprise.rate).toBeGreaterThanOrEqual(0.06);
    expect(shape.yearlyChurn.enterprise.rate).toBeLessThanOrEqual(0.1);
    expect(shape.trialConversion.trials).toBeGreaterThan(1000);
    expect(shape.trialConversion.rate).toBeGreaterThanOrEqual(0.2);
    expect(shape.trialConversion.rate).toBeLessThanOrEqual(0.3);
    // The SQL count and the independent count from the events agree.
    expect(await customersAt(t.db, anchor)).toMatchObject({ customers: shape.customers, mrrCents: shape.mrrCents });
  });

  it("has every kind of movement, signal and save offer", async () => {
    const types = await queryRows<{ type: string; n: number }>(
      t.db,
      sql`select type::text, count(*)::int as n from ${subscriptionEvents} group by 1`,
    );
    const byType = Object.fromEntries(types.map((r) => [r.type, r.n]));
    for (const type of [
      "trial_started",
      "converted",
      "expansion",
      "contraction",
      "paused",
      "resumed",
      "canceled",
      "reactivated",
    ]) {
      expect(byType[type], type).toBeGreaterThan(5);
    }
    const kinds = await queryRows<{ kind: string; n: number }>(
      t.db,
      sql`select kind::text, count(*)::int as n from ${signals} group by 1`,
    );
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      "nps",
      "payment_failed",
      "payment_recovered",
      "ticket_closed",
      "ticket_opened",
    ]);
    const offers = await queryRows<{ offer: string; outcome: string; n: number }>(
      t.db,
      sql`select offer_shown::text as offer, outcome::text, count(*)::int as n from ${cancellationResponses} group by 1, 2`,
    );
    expect(new Set(offers.map((o) => o.offer))).toEqual(
      new Set(["none", "pause", "downgrade", "discount", "talk_to_us"]),
    );
    expect(new Set(offers.map((o) => o.outcome))).toEqual(new Set(["canceled", "saved", "paused", "downgraded"]));
  });

  it("has verbatims of varied length and tone, some naming a competitor, and every Stripe reason code", async () => {
    const rows = await t.db.select().from(cancellationResponses);
    expect(rows.length).toBeGreaterThan(200);
    const texts = rows.map((r) => r.freeText).filter((x): x is string => x !== null);
    const lengths = texts.map((x) => x.length);
    expect(Math.min(...lengths)).toBeLessThan(25);
    expect(Math.max(...lengths)).toBeGreaterThan(150);
    expect(new Set(texts).size).toBeGreaterThan(texts.length / 3);
    expect(texts.some((x) => /Really disappointed|waste of money|NOT happy/.test(x))).toBe(true);
    expect(texts.some((x) => /thank/i.test(x))).toBe(true);
    expect(rows.filter((r) => r.competitor !== null).length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.reasonCode)).size).toBe(8);
  });

  it("fades the whole team's activity in the weeks before a cancel", async () => {
    const cancels = await queryRows<{ account_id: string; at: string }>(
      t.db,
      sql`select account_id, max(occurred_at)::text as at from ${subscriptionEvents}
          where type = 'canceled' and occurred_at >= ${new Date(anchor.getTime() - 80 * DAY).toISOString()}
          group by 1`,
    );
    expect(cancels.length).toBeGreaterThan(10);
    const rollups = await t.db.select().from(activityUserMonths);
    let before = 0;
    let last = 0;
    for (const c of cancels) {
      const at = Date.parse(c.at);
      const rows = rollups
        .filter((r) => r.accountId === c.account_id)
        .map((r) => ({ month: r.month, key: r.userRef, activeDays: r.activeDays }));
      last += distinctActive(rows, new Date(at - 14 * DAY), new Date(at));
      before += distinctActive(rows, new Date(at - 70 * DAY), new Date(at - 42 * DAY));
    }
    // In the last two weeks before canceling, fewer than a third of the earlier active users remain.
    expect(before).toBeGreaterThan(0);
    expect(last / before).toBeLessThan(0.33);
  });

  it("gives identical contents for the same seed, and different ones for another seed", async () => {
    const again = await createTestDb();
    const other = await createTestDb();
    try {
      await loadDataset(again.db, generatePreset("demo", 1, anchor));
      await loadDataset(other.db, generatePreset("demo", 2, anchor));
      const first = await fingerprint(t.db);
      expect(await fingerprint(again.db)).toEqual(first);
      expect((await fingerprint(other.db)).subscription_events).not.toEqual(first.subscription_events);
    } finally {
      await again.close();
      await other.close();
    }
  });
});
