// The demo business must look real: churn by segment, trial conversion, the movements a SaaS has,
// team-wide fading before cancels, real-sounding verbatims — and be identical for one seed.
import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, countDistinct, eq, gte, max, min, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { customersAt } from "@/db/queries/customers";
import {
  accounts,
  activityFeatureMonths,
  activityUserMonths,
  cancelFlowVersions,
  cancelFlows,
  cancelSessions,
  cancellationResponses,
  signals,
  subscriptionEvents,
  users,
} from "@/db/schema";
import { createTestDb, setupTestDb } from "@/test/db";
import { distinctActive } from "@/lib/metrics/activity";
import {
  CANCELLATION_OUTCOMES,
  NO_ANSWER_REASON,
  SAVE_OFFERS,
  SIGNAL_KINDS,
  SUBSCRIPTION_EVENT_TYPES,
} from "@/lib/values";
import type { Db } from "@/db/client";
import { loadDataset } from "./load";
import { generatePreset } from "./presets";
import { shapeOf } from "./shape";
import { REASON_CODES } from "./verbatims";

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
  const staff = sql`row(${users.id}, ${users.email}, ${users.name}, ${users.role}, ${users.active}, ${users.createdAt})::text`;
  const rowsOf = (table: PgTable) => sql`${table}::text`;
  const tables: [string, PgTable, ReturnType<typeof sql>][] = [
    ["users", users, staff],
    ["accounts", accounts, rowsOf(accounts)],
    ["subscription_events", subscriptionEvents, rowsOf(subscriptionEvents)],
    ["signals", signals, rowsOf(signals)],
    ["cancellation_responses", cancellationResponses, rowsOf(cancellationResponses)],
    ["activity_user_months", activityUserMonths, rowsOf(activityUserMonths)],
    ["activity_feature_months", activityFeatureMonths, rowsOf(activityFeatureMonths)],
    ["cancel_flows", cancelFlows, rowsOf(cancelFlows)],
    ["cancel_flow_versions", cancelFlowVersions, rowsOf(cancelFlowVersions)],
    ["cancel_sessions", cancelSessions, rowsOf(cancelSessions)],
  ];
  const out: Record<string, string> = {};
  for (const [name, table, row] of tables) {
    const [result] = await db
      .select({ n: count(), digest: sql<string>`md5(coalesce(string_agg(${row}, '|' order by ${row}), ''))` })
      .from(table);
    out[name] = `${result?.n}:${result?.digest}`;
  }
  return out;
}

describe("demo preset, seed 1", () => {
  // Loaded once: every test only reads it (the determinism test loads its copies elsewhere).
  beforeAll(async () => {
    await loadDataset(t.db, generatePreset("demo", 1, anchor));
  });

  it("loads about 2,000 accounts over 30 months", async () => {
    const [row] = await t.db
      .select({
        n: countDistinct(subscriptionEvents.accountId),
        first: min(subscriptionEvents.occurredAt),
        last: max(subscriptionEvents.occurredAt),
      })
      .from(subscriptionEvents);
    expect(row?.n).toBeGreaterThanOrEqual(1900);
    expect(row?.n).toBeLessThanOrEqual(2100);
    const last = row?.last?.getTime() ?? NaN;
    const months = (last - (row?.first?.getTime() ?? NaN)) / (30.44 * DAY);
    expect(months).toBeGreaterThan(28);
    expect(months).toBeLessThanOrEqual(30);
    expect(last).toBeLessThan(anchor.getTime());
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
    const types = await t.db
      .select({ type: subscriptionEvents.type, n: count() })
      .from(subscriptionEvents)
      .groupBy(subscriptionEvents.type);
    const byType = Object.fromEntries(types.map((r) => [r.type, r.n]));
    for (const type of SUBSCRIPTION_EVENT_TYPES) {
      expect(byType[type], type).toBeGreaterThan(5);
    }
    const kinds = await t.db.select({ kind: signals.kind, n: count() }).from(signals).groupBy(signals.kind);
    expect(kinds.map((k) => k.kind).sort()).toEqual([...SIGNAL_KINDS].sort());
    const offers = await t.db
      .select({ offer: cancellationResponses.offerShown, outcome: cancellationResponses.outcome, n: count() })
      .from(cancellationResponses)
      .groupBy(cancellationResponses.offerShown, cancellationResponses.outcome);
    expect(new Set(offers.map((o) => o.offer))).toEqual(new Set(SAVE_OFFERS));
    expect(new Set(offers.map((o) => o.outcome))).toEqual(new Set(CANCELLATION_OUTCOMES));
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
    // Stripe's eight codes, and the cancels pressed in the flow before choosing any.
    expect(new Set(rows.map((r) => r.reasonCode))).toEqual(new Set([...REASON_CODES, NO_ANSWER_REASON]));
  });

  it("fades the whole team's activity in the weeks before a cancel", async () => {
    const cancels = await t.db
      .select({ accountId: subscriptionEvents.accountId, at: max(subscriptionEvents.occurredAt) })
      .from(subscriptionEvents)
      .where(
        and(
          eq(subscriptionEvents.type, "canceled"),
          gte(subscriptionEvents.occurredAt, new Date(anchor.getTime() - 80 * DAY)),
        ),
      )
      .groupBy(subscriptionEvents.accountId);
    expect(cancels.length).toBeGreaterThan(10);
    const rollups = await t.db.select().from(activityUserMonths);
    let before = 0;
    let last = 0;
    for (const c of cancels) {
      const at = c.at?.getTime() ?? NaN;
      const rows = rollups
        .filter((r) => r.accountId === c.accountId)
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
      const second = await fingerprint(other.db);
      expect(second.subscription_events).not.toEqual(first.subscription_events);
      expect(second.cancel_sessions).not.toEqual(first.cancel_sessions);
    } finally {
      await again.close();
      await other.close();
    }
  });
});
