// The cancel flow's outcome applied in Stripe (SPEC §7), against a local server speaking Stripe's API
// (test/fake-stripe.ts; there is no network to Stripe here): each outcome's exact requests from the
// official SDK, one idempotency key per session kept through the SDK's retry after a 500 and the
// queue's retry after a failed run, nothing for a preview or an account without a subscription, and
// no second answer filed when Stripe's webhook reports the cancellation Holdfast made.
import { afterAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { accounts, cancellationResponses, jobs } from "@/db/schema";
import { applyCancelAction, openCancelSession } from "@/db/queries/cancel-sessions";
import { runDueJobs } from "@/lib/jobs/worker";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { toDelivery } from "@/lib/stripe/map";
import { applyStripeDelivery } from "@/db/queries/stripe";
import { setupTestDb } from "@/test/db";
import { makeAccounts } from "@/test/factories";
import { startFakeStripe } from "@/test/fake-stripe";
import { insertFlow, startSession, testFlowContent } from "@/test/cancel-flow-fixture";
import type Stripe from "stripe";

const stripe = await startFakeStripe();
vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_holdfast");
vi.stubEnv("STRIPE_API_BASE", stripe.url);
afterAll(() => stripe.close());

const t = setupTestDb();
const T0 = new Date("2026-03-31T12:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

// too_expensive: 25 % off for 3 months with its Stripe coupon; unused: pause up to 3 months;
// too_complex: downgrade to Starter at its Stripe price.
const content = testFlowContent();
content.reasons = content.reasons.map((r) =>
  r.offer.kind === "discount"
    ? { ...r, offer: { ...r.offer, stripeCouponId: "coupon_25off" } }
    : r.offer.kind === "downgrade"
      ? { ...r, offer: { ...r.offer, stripePriceId: "price_starter" } }
      : r,
);

/** An account with a Stripe subscription, its session opened on the flow above. */
async function session(options: { subscription?: boolean; preview?: boolean } = {}) {
  const { flowId } = await insertFlow(t.db, { content });
  const [account = ""] = await makeAccounts(t.db, 1, "stripe-acct", {
    events: [["2026-01-05T00:00:00Z", "converted", 10_000]],
  });
  const subscriptionId = `sub_${account.replace(/\W/g, "")}`;
  if (options.subscription !== false)
    await t.db.update(accounts).set({ stripeSubscriptionId: subscriptionId }).where(eq(accounts.id, account));
  const made = await startSession(t.db, account, T0, { flowId, preview: options.preview });
  await openCancelSession(t.db, made.token, at(1));
  await applyCancelAction(t.db, made.token, { kind: "continue" }, "loss", at(2));
  const act = (action: Parameters<typeof applyCancelAction>[2], step: Parameters<typeof applyCancelAction>[3]) =>
    applyCancelAction(t.db, made.token, action, step, at(3));
  return { account, subscriptionId, id: made.id, act };
}

/** Runs the queued Stripe jobs at `now`; returns the requests they sent. */
async function runBilling(now = at(5)) {
  const before = stripe.requests.length;
  const result = await runDueJobs(t.db, {
    workerId: "test",
    handlers: JOB_HANDLERS,
    now,
    kinds: ["stripe.apply_outcome"],
  });
  return { result, sent: stripe.requests.slice(before) };
}

describe("a cancel session's outcome in Stripe", () => {
  it("a cancel: cancel at the period's end, with the reason as Stripe's feedback and the session marked", async () => {
    const s = await session();
    await s.act({ kind: "reason", code: "too_expensive" }, "reason");
    const ended = await s.act({ kind: "cancel" }, "offer");
    expect(ended.ok).toBe(true);
    const { sent } = await runBilling();
    expect(sent).toEqual([
      {
        method: "POST",
        path: `/v1/subscriptions/${s.subscriptionId}`,
        idempotencyKey: `holdfast-${s.id}-cancel`,
        authorization: "Bearer sk_test_holdfast",
        form: [
          ["cancel_at_period_end", "true"],
          ["cancellation_details[feedback]", "too_expensive"],
          ["metadata[holdfast_cancel_session]", s.id],
        ],
      },
    ]);
  });

  it("a pause: collection voided until the chosen months are over", async () => {
    const s = await session();
    await s.act({ kind: "reason", code: "unused" }, "reason");
    await s.act({ kind: "accept", months: 2 }, "offer");
    const { sent } = await runBilling();
    // Ended 31 Mar 12:03 UTC; 2 months on is 31 May 12:03 → 1780228980.
    expect(Date.UTC(2026, 4, 31, 12, 3) / 1000).toBe(1_780_228_980);
    expect(sent.map((r) => [r.method, r.path, r.idempotencyKey, r.form])).toEqual([
      [
        "POST",
        `/v1/subscriptions/${s.subscriptionId}`,
        `holdfast-${s.id}-pause`,
        [
          ["pause_collection[behavior]", "void"],
          ["pause_collection[resumes_at]", "1780228980"],
          ["metadata[holdfast_cancel_session]", s.id],
        ],
      ],
    ]);
  });

  it("a discount: the offer's coupon in discounts", async () => {
    const s = await session();
    await s.act({ kind: "reason", code: "too_expensive" }, "reason");
    await s.act({ kind: "accept" }, "offer");
    const { sent } = await runBilling();
    expect(sent.map((r) => [r.method, r.path, r.idempotencyKey, r.form])).toEqual([
      [
        "POST",
        `/v1/subscriptions/${s.subscriptionId}`,
        `holdfast-${s.id}-discount`,
        [
          ["discounts[0][coupon]", "coupon_25off"],
          ["metadata[holdfast_cancel_session]", s.id],
        ],
      ],
    ]);
  });

  it("a downgrade: the subscription's item moved to the offer's price", async () => {
    const s = await session();
    await s.act({ kind: "reason", code: "too_complex" }, "reason");
    await s.act({ kind: "accept" }, "offer");
    const { sent } = await runBilling();
    expect(sent.map((r) => [r.method, r.path, r.idempotencyKey, r.form])).toEqual([
      ["GET", `/v1/subscriptions/${s.subscriptionId}`, null, []],
      [
        "POST",
        `/v1/subscriptions/${s.subscriptionId}`,
        `holdfast-${s.id}-downgrade`,
        [
          ["items[0][id]", "si_fake_1"],
          ["items[0][price]", "price_starter"],
          ["metadata[holdfast_cancel_session]", s.id],
        ],
      ],
    ]);
  });

  it("retries after a 500 with the same idempotency key, in the SDK and again in the queue", async () => {
    const s = await session();
    await s.act({ kind: "cancel" }, "reason");
    // Three 500s: the first try and the SDK's two retries all fail, so the run fails and is queued again.
    stripe.failNext(3);
    const first = await runBilling();
    expect(first.result).toMatchObject({ claimed: 1, failed: 1 });
    expect(first.sent.map((r) => r.idempotencyKey)).toEqual(Array(3).fill(`holdfast-${s.id}-cancel`));
    const [job] = await t.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `stripe:${s.id}`));
    expect(job?.status).toBe("queued");
    // The queue's next run, after its backoff: one more request, the same key, and it succeeds.
    const second = await runBilling(new Date((job?.runAt ?? at(5)).getTime() + 1000));
    expect(second.result).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(second.sent.map((r) => r.idempotencyKey)).toEqual([`holdfast-${s.id}-cancel`]);
  });

  it("sends nothing for a preview, an account without a subscription, or a save with no billing change", async () => {
    const preview = await session({ preview: true });
    await preview.act({ kind: "cancel" }, "reason");
    const none = await session({ subscription: false });
    await none.act({ kind: "cancel" }, "reason");
    // "Missing something": a required question, then a talk with us — nothing for billing to do.
    const talk = await session();
    await talk.act({ kind: "reason", code: "missing_features" }, "reason");
    await talk.act({ kind: "follow_up", text: "An export to our warehouse." }, "follow_up");
    await talk.act({ kind: "talk" }, "offer");
    const { result, sent } = await runBilling();
    expect(result.claimed).toBe(0);
    expect(sent).toEqual([]);
    const queued = (await t.db.select({ key: jobs.key }).from(jobs)).map((j) => j.key);
    for (const id of [preview.id, none.id, talk.id]) expect(queued).not.toContain(`stripe:${id}`);
  });

  it("files no second answer when Stripe's webhook reports the cancellation Holdfast made", async () => {
    const s = await session();
    await s.act({ kind: "reason", code: "too_expensive" }, "reason");
    await s.act({ kind: "cancel" }, "offer");
    await runBilling();
    const answers = () => t.db.$count(cancellationResponses, eq(cancellationResponses.accountId, s.account));
    expect(await answers()).toBe(1);
    // What Stripe sends back: the subscription set to cancel, with the feedback and Holdfast's mark.
    const subscription = {
      id: s.subscriptionId,
      object: "subscription",
      customer: s.account,
      status: "active",
      cancel_at_period_end: true,
      canceled_at: Math.floor(at(3).getTime() / 1000),
      cancellation_details: { feedback: "too_expensive", comment: null, reason: "cancellation_requested" },
      metadata: { holdfast_cancel_session: s.id },
      pause_collection: null,
      // Still $100.00 a month: the change implies no subscription event.
      items: {
        data: [{ quantity: 1, price: { unit_amount: 10_000, recurring: { interval: "month", interval_count: 1 } } }],
      },
    };
    const event = {
      id: "evt_holdfast_cancel",
      object: "event",
      type: "customer.subscription.updated",
      created: Math.floor(at(4).getTime() / 1000),
      data: { object: subscription },
    } as unknown as Stripe.Event;
    const delivery = toDelivery(event);
    if (!delivery) throw new Error("a subscription event is handled");
    await applyStripeDelivery(t.db, delivery);
    expect(await answers()).toBe(1);
    // The same event for a cancellation made in Stripe itself is filed.
    const own = { ...subscription, metadata: {} };
    const other = toDelivery({ ...event, id: "evt_stripe_cancel", data: { object: own } } as unknown as Stripe.Event);
    if (!other) throw new Error("a subscription event is handled");
    await applyStripeDelivery(t.db, other);
    expect(await answers()).toBe(2);
  });
});
