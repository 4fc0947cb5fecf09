// Stripe webhooks: payloads shaped like Stripe's documented events, signed with the library's own
// test-header helper, through the webhook's request handler on a real database.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { accounts, cancellationResponses, subscriptionEvents } from "@/db/schema";
import { answerStripe } from "@/lib/http/stripe-answer";
import { monthlyCents } from "@/lib/stripe/map";
import { jsonAs, jsonObject } from "@/test/answers";
import { setupTestDb } from "@/test/db";

const t = setupTestDb();
const SECRET = "whsec_test_holdfast_0123456789";
let eventNo = 0;

function price(unit: number, interval: "day" | "week" | "month" | "year", count = 1) {
  return {
    id: `price_${unit}_${interval}`,
    object: "price",
    unit_amount: unit,
    unit_amount_decimal: String(unit),
    currency: "usd",
    recurring: { interval, interval_count: count, usage_type: "licensed" },
  };
}

function subscription(
  over: Record<string, unknown> & { items?: { price: ReturnType<typeof price>; quantity: number }[] },
) {
  const { items = [{ price: price(5000, "month"), quantity: 1 }], ...rest } = over;
  return {
    id: "sub_1",
    object: "subscription",
    customer: "cus_stripe_1",
    status: "active",
    pause_collection: null,
    canceled_at: null,
    ended_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    items: {
      object: "list",
      data: items.map((it, i) => ({
        id: `si_${i}`,
        object: "subscription_item",
        quantity: it.quantity,
        price: it.price,
      })),
    },
    ...rest,
  };
}

function event(type: string, object: unknown, created: string, id = `evt_${++eventNo}`) {
  return {
    id,
    object: "event",
    api_version: "2025-01-27.acacia",
    created: Date.parse(created) / 1000,
    type,
    livemode: false,
    data: { object },
  };
}

async function deliver(body: unknown, secret = SECRET) {
  const payload = JSON.stringify(body);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const response = await answerStripe(
    new Request("http://holdfast.test/api/webhooks/stripe", {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": header },
    }),
    t.db,
    SECRET,
  );
  return { status: response.status, body: await jsonAs(response, jsonObject) };
}

async function history() {
  const e = subscriptionEvents;
  const rows = await t.db
    .select({ type: e.type, mrr: e.mrrAfterCents, at: e.occurredAt })
    .from(e)
    .innerJoin(accounts, eq(accounts.id, e.accountId))
    .where(eq(accounts.externalId, "cus_stripe_1"))
    .orderBy(e.seq);
  return rows.map((r) => ({ ...r, at: r.at.toISOString().slice(0, 10) }));
}

describe("monthly MRR from subscription items", () => {
  it("multiplies price by quantity and normalises yearly and weekly prices to a month", () => {
    // 3 × $50/month = $150; $1,200/year = $100/month; $10/week = 1000 × 52 / 12 = 4333.33… → 4333; $30 every 3 months = $10.
    const sub = subscription({
      items: [
        { price: price(5000, "month"), quantity: 3 },
        { price: price(120000, "year"), quantity: 1 },
        { price: price(1000, "week"), quantity: 1 },
        { price: price(3000, "month", 3), quantity: 1 },
      ],
    }) as unknown as Stripe.Subscription;
    expect(monthlyCents(sub)).toBe(15000 + 10000 + 4333 + 1000);
  });
});

describe("Stripe webhook", () => {
  it("maps a customer's life: trial, conversion, expansion, pause, resume, cancel with feedback", async () => {
    const customer = {
      id: "cus_stripe_1",
      object: "customer",
      name: "Lumen Analytics",
      email: "billing@lumen.example",
    };
    expect((await deliver(event("customer.created", customer, "2024-01-01T00:00:00Z"))).status).toBe(200);
    await deliver(event("customer.subscription.created", subscription({ status: "trialing" }), "2024-01-02T00:00:00Z"));
    await deliver(
      event(
        "customer.subscription.updated",
        subscription({ items: [{ price: price(5000, "month"), quantity: 2 }] }),
        "2024-01-16T00:00:00Z",
      ),
    );
    await deliver(
      event(
        "customer.subscription.updated",
        subscription({ items: [{ price: price(5000, "month"), quantity: 5 }] }),
        "2024-02-10T00:00:00Z",
      ),
    );
    // Nothing moved (same MRR): no event.
    await deliver(
      event(
        "customer.subscription.updated",
        subscription({ items: [{ price: price(5000, "month"), quantity: 5 }] }),
        "2024-02-11T00:00:00Z",
      ),
    );
    await deliver(
      event(
        "customer.subscription.updated",
        subscription({ pause_collection: { behavior: "void", resumes_at: null } }),
        "2024-03-01T00:00:00Z",
      ),
    );
    await deliver(
      event(
        "customer.subscription.updated",
        subscription({ items: [{ price: price(5000, "month"), quantity: 5 }] }),
        "2024-04-01T00:00:00Z",
      ),
    );
    const canceled = subscription({
      status: "canceled",
      canceled_at: Date.parse("2024-05-03T00:00:00Z") / 1000,
      ended_at: Date.parse("2024-05-03T00:00:00Z") / 1000,
      cancellation_details: {
        comment: "We moved to a spreadsheet.",
        feedback: "switched_service",
        reason: "cancellation_requested",
      },
    });
    const deletion = event("customer.subscription.deleted", canceled, "2024-05-03T00:00:05Z");
    expect((await deliver(deletion)).body).toMatchObject({
      handled: true,
      written: ["canceled", "cancellation answer"],
    });

    expect(await history()).toEqual([
      { type: "trial_started", mrr: 0, at: "2024-01-02" },
      { type: "converted", mrr: 10000, at: "2024-01-16" },
      { type: "expansion", mrr: 25000, at: "2024-02-10" },
      { type: "paused", mrr: 0, at: "2024-03-01" },
      { type: "resumed", mrr: 25000, at: "2024-04-01" },
      { type: "canceled", mrr: 0, at: "2024-05-03" },
    ]);
    const [account] = await t.db
      .select({ name: accounts.name, domain: accounts.domain, status: accounts.status })
      .from(accounts)
      .where(eq(accounts.externalId, "cus_stripe_1"));
    expect(account).toEqual({ name: "Lumen Analytics", domain: "lumen.example", status: "canceled" });
    const c = cancellationResponses;
    const answers = await t.db
      .select({ reasonCode: c.reasonCode, freeText: c.freeText, categoryId: c.categoryId })
      .from(c);
    expect(answers).toEqual([
      { reasonCode: "switched_service", freeText: "We moved to a spreadsheet.", categoryId: "cat_competitor" },
    ]);

    // A repeated delivery of the same event changes nothing.
    const again = await deliver(deletion);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ written: [] });
    expect((await history()).length).toBe(6);
  });

  it("refuses a wrong signature with 400 and stores nothing", async () => {
    const before = await t.db.$count(accounts);
    const response = await deliver(
      event("customer.created", { id: "cus_forged", object: "customer", name: "Forged" }, "2024-06-01T00:00:00Z"),
      "whsec_someone_else",
    );
    expect(response.status).toBe(400);
    expect(response.body.title).toBe("Invalid signature");
    expect(await t.db.$count(accounts)).toBe(before);
  });

  it("creates the account when a subscription arrives before its customer", async () => {
    await deliver(
      event(
        "customer.subscription.created",
        subscription({ id: "sub_2", customer: "cus_early" }),
        "2024-06-01T00:00:00Z",
      ),
    );
    const [row] = await t.db
      .select({ status: accounts.status, mrrCents: accounts.mrrCents })
      .from(accounts)
      .where(eq(accounts.externalId, "cus_early"));
    expect(row).toEqual({ status: "active", mrrCents: 5000 });
  });
});
