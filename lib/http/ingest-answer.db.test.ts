// The ingestion API's request handler on a real database: happy paths, bad batches that write
// nothing, de-duplication, upserts, and the seed puzzle loaded the way a user would (idempotency:
// ingest-idempotency.db.test.ts).
import { describe, expect, it } from "vitest";
import { eq, getTableName } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  accountMonthFacts,
  accounts,
  activityUserMonths,
  auditLog,
  cancellationResponses,
  signals,
  subscriptionEvents,
} from "@/db/schema";
import { answerMetrics } from "@/lib/http/metrics-answer";
import { churnEndpoint, cohortsEndpoint } from "@/lib/http/metrics-endpoints";
import { itemErrors, jsonObject } from "@/test/answers";
import { setupTestDb, setupTestDbPerTest } from "@/test/db";
import { makeAccounts, uniqueId } from "@/test/factories";
import { apiClient } from "@/test/ingest-client";
import { seedPuzzle, seedPuzzleAs } from "@/test/fixtures";

const t = setupTestDb();

/** Row counts of every table a batch could touch: equal before and after means nothing was written. */
async function counts(db: Db) {
  const tables = [
    accounts,
    subscriptionEvents,
    cancellationResponses,
    signals,
    activityUserMonths,
    accountMonthFacts,
    auditLog,
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[getTableName(table)] = await db.$count(table);
  return out;
}

describe("the seed puzzle through the ingestion API", () => {
  // The read API answers for every account in the installation: this test gets a database of its own.
  const own = setupTestDbPerTest();

  it("loads accounts, events and answers, and the read API then answers as expected", async () => {
    const { post } = await apiClient(own.db);
    const accounts = seedPuzzleAs("accounts.json", z.array(jsonObject));
    const events = seedPuzzleAs("subscription-events.json", z.array(jsonObject));
    const answers = seedPuzzleAs("cancellations.json", z.array(jsonObject));
    expect(await post("accounts", { items: accounts })).toMatchObject({
      status: 200,
      body: { accepted: accounts.length, skipped: 0 },
    });
    expect(await post("subscription-events", { items: events })).toMatchObject({
      status: 200,
      body: { accepted: events.length, skipped: 0 },
    });
    expect(await post("cancellations", { items: answers })).toMatchObject({
      status: 200,
      body: { accepted: answers.length, skipped: 0 },
    });
    const query = "asOf=2024-04-15T00:00:00Z&from=2024-01&to=2024-03";
    const churn = await answerMetrics(new Request(`http://t/x?${query}`), own.db, churnEndpoint);
    expect(await churn.json()).toEqual(seedPuzzle("expected-churn.json"));
    const cohorts = await answerMetrics(new Request(`http://t/x?${query}`), own.db, cohortsEndpoint);
    expect(await cohorts.json()).toEqual(seedPuzzle("expected-cohorts.json"));
    // Sending the same events again stores nothing twice: every item is skipped by its externalId.
    expect(await post("subscription-events", { items: events })).toMatchObject({
      status: 200,
      body: { accepted: events.length, skipped: events.length },
    });
  });
});

describe("bad batches", () => {
  it("names every bad item and field, and writes nothing", async () => {
    const { post } = await apiClient(t.db);
    const [one, two, three] = await makeAccounts(t.db, 3, "bad");
    const before = await counts(t.db);
    const response = await post("subscription-events", {
      items: [
        { accountExternalId: one, occurredAt: "2024-05-01T00:00:00Z", type: "expansion", mrrAfterCents: 12000 },
        { accountExternalId: one, occurredAt: "2024-05-01", type: "expansion", mrrAfterCents: 12000 },
        { accountExternalId: two, occurredAt: "2024-05-02T00:00:00Z", type: "upgrade", mrrAfterCents: -5 },
        { accountExternalId: "nobody", occurredAt: "2024-05-02T00:00:00Z", type: "converted", mrrAfterCents: 100 },
        {
          accountExternalId: three,
          occurredAt: "2024-05-02T00:00:00Z",
          type: "converted",
          mrrAfterCents: 100,
          role: "admin",
        },
        { accountExternalId: three, occurredAt: "2024-05-02T00:00:00Z", type: "expansion" },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.type).toBe("application/problem+json");
    expect(response.body).toMatchObject({
      title: "Invalid items",
      status: 400,
      detail: "5 items are invalid; nothing was written.",
    });
    const { errors: refused } = itemErrors.parse(response.body);
    const errors = refused.map((e) => `${e.item}:${e.field}`);
    expect(errors).toEqual([
      "1:occurredAt",
      "2:type",
      "2:mrrAfterCents",
      "3:accountExternalId",
      "4:(item)",
      "5:mrrAfterCents",
    ]);
    const unknown = refused.find((e) => e.item === 3);
    expect(unknown?.message).toContain("nobody");
    expect(await counts(t.db)).toEqual(before);
  });

  it("refuses an owner e-mail that names no user, a body that is not JSON, and more than 5,000 items", async () => {
    const { post } = await apiClient(t.db);
    const before = await counts(t.db);
    const owner = await post("accounts", {
      items: [{ externalId: uniqueId("acme"), name: "Acme", ownerEmail: "ghost@example.com" }],
    });
    expect(owner.status).toBe(400);
    expect(owner.body.errors).toEqual([
      { item: 0, field: "ownerEmail", message: "names no Holdfast user (ghost@example.com)" },
    ]);
    expect((await post("accounts", "{not json")).status).toBe(400);
    expect((await post("accounts", { rows: [] })).status).toBe(400);
    const prefix = uniqueId("x");
    const many = Array.from({ length: 5001 }, (_, i) => ({ externalId: `${prefix}-${i}`, name: "x" }));
    expect((await post("accounts", { items: many })).status).toBe(413);
    expect(await counts(t.db)).toEqual(before);
  });
});

describe("writes", () => {
  it("upserts accounts by externalId, keeping the fields left out", async () => {
    const { post } = await apiClient(t.db);
    const id = uniqueId("up");
    await post("accounts", {
      items: [
        {
          externalId: id,
          name: "Upsert Co",
          domain: "upsert.example",
          plan: "growth",
          segment: "smb",
          seatsPaid: 5,
        },
      ],
    });
    await post("accounts", {
      items: [
        { externalId: id, name: "Upsert Company", seatsPaid: 8 },
        { externalId: id, name: "Upsert Company", segment: "mid" },
      ],
    });
    const [row] = await t.db
      .select({
        name: accounts.name,
        domain: accounts.domain,
        plan: accounts.plan,
        segment: accounts.segment,
        seatsPaid: accounts.seatsPaid,
      })
      .from(accounts)
      .where(eq(accounts.externalId, id));
    expect(row).toEqual({
      name: "Upsert Company",
      domain: "upsert.example",
      plan: "growth",
      segment: "mid",
      seatsPaid: 8,
    });
  });

  it("skips events and answers whose externalId is stored or repeats an earlier item, keeping the first", async () => {
    const { post } = await apiClient(t.db);
    const [id] = await makeAccounts(t.db, 1, "up");
    const [eventId, answerId] = [uniqueId("ev"), uniqueId("cx")];
    const items = [
      {
        accountExternalId: id,
        occurredAt: "2024-06-01T10:00:00Z",
        type: "converted",
        mrrAfterCents: 9900,
        externalId: eventId,
      },
      {
        accountExternalId: id,
        occurredAt: "2024-06-02T10:00:00Z",
        type: "expansion",
        mrrAfterCents: 99999,
        externalId: eventId,
      },
      { accountExternalId: id, occurredAt: "2024-06-03T10:00:00Z", type: "expansion", mrrAfterCents: 12900 },
    ];
    expect((await post("subscription-events", { items })).body).toEqual({ accepted: 3, skipped: 1 });
    // Cached status and MRR are current when the answer is sent.
    const [account] = await t.db
      .select({ status: accounts.status, mrrCents: accounts.mrrCents })
      .from(accounts)
      .where(eq(accounts.externalId, id ?? ""));
    expect(account).toEqual({ status: "active", mrrCents: 12900 });
    const answers = [
      {
        accountExternalId: id,
        submittedAt: "2024-07-01T00:00:00Z",
        reasonCode: "brand_new_code",
        outcome: "canceled",
        externalId: answerId,
      },
      {
        accountExternalId: id,
        submittedAt: "2024-07-01T00:00:00Z",
        reasonCode: "too_expensive",
        outcome: "canceled",
        externalId: answerId,
      },
    ];
    expect((await post("cancellations", { items: answers })).body).toEqual({ accepted: 2, skipped: 1 });
    // An unknown reason code is kept as sent and waits in Uncategorized.
    const c = cancellationResponses;
    const [answer] = await t.db
      .select({ reasonCode: c.reasonCode, categoryId: c.categoryId, offerShown: c.offerShown })
      .from(c)
      .where(eq(c.externalId, answerId));
    expect(answer).toEqual({ reasonCode: "brand_new_code", categoryId: "cat_uncategorized", offerShown: "none" });
  });

  it("folds activity into the day rollups, across batches", async () => {
    const { post } = await apiClient(t.db);
    const [id] = await makeAccounts(t.db, 1, "up");
    const ev = (userRef: string, feature: string, occurredAt: string) => ({
      accountExternalId: id,
      userRef,
      feature,
      occurredAt,
    });
    await post("activity", {
      items: [
        ev("ann", "reports", "2024-06-01T09:00:00Z"),
        ev("ann", "reports", "2024-06-01T17:00:00Z"),
        ev("bob", "alerts", "2024-06-03T09:00:00Z"),
      ],
    });
    await post("activity", {
      items: [ev("ann", "alerts", "2024-06-30T23:59:59Z"), ev("ann", "reports", "2024-07-01T00:00:00Z")],
    });
    const m = activityUserMonths;
    const users = await t.db
      .select({ month: m.month, userRef: m.userRef, activeDays: m.activeDays, events: m.events })
      .from(m)
      .innerJoin(accounts, eq(accounts.id, m.accountId))
      .where(eq(accounts.externalId, id ?? ""))
      .orderBy(m.month, m.userRef);
    // ann: 1 and 30 June (bits 0 and 29), three events; 1 July; bob: 3 June (bit 2).
    expect(users).toEqual([
      { month: "2024-06-01", userRef: "ann", activeDays: 1 | (1 << 29), events: 3 },
      { month: "2024-06-01", userRef: "bob", activeDays: 1 << 2, events: 1 },
      { month: "2024-07-01", userRef: "ann", activeDays: 1, events: 1 },
    ]);
  });
});
