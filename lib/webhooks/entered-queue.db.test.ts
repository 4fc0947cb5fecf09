// account.entered_queue end to end: accounts fall below the health threshold, re-scoring puts them
// in the at-risk queue, and the subscribed endpoint receives one signed event per item entering it.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { recomputeHealth } from "@/db/queries/health";
import { createWebhookEndpoint } from "@/db/queries/webhooks";
import { accounts, triageItems, webhookDeliveries } from "@/db/schema";
import { runDueJobs } from "@/lib/jobs/worker";
import { asOf, setupHealthFixture } from "@/test/health-fixture";
import { type Receiver, startReceiver } from "@/test/webhook-receiver";
import { createDeliverHandler } from "./deliver";

const eventBody = z.object({
  type: z.string(),
  timestamp: z.string(),
  data: z.object({ triageItemId: z.string(), account: z.object({ externalId: z.string() }) }),
});

const { t } = setupHealthFixture();
let receiver: Receiver | undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(asOf);
});
afterEach(async () => {
  vi.useRealTimers();
  await receiver?.close();
  receiver = undefined;
});

describe("account.entered_queue", () => {
  it("sends one verified event per item entering the queue, naming the account by its external id", async () => {
    receiver = await startReceiver();
    const subscribed = await createWebhookEndpoint(
      t.db,
      { url: receiver.url, events: ["account.entered_queue"] },
      SYSTEM_ACTOR,
      asOf,
    );
    receiver.secret = subscribed.secret;
    // An endpoint subscribed to something else hears nothing.
    await createWebhookEndpoint(t.db, { url: receiver.url, events: ["cancel_session.completed"] }, SYSTEM_ACTOR, asOf);

    await recomputeHealth(t.db, asOf);
    const entered = await t.db
      .select({ id: triageItems.id, kind: triageItems.kind, externalId: accounts.externalId })
      .from(triageItems)
      .innerJoin(accounts, eq(accounts.id, triageItems.accountId));
    expect(entered.map((e) => e.externalId)).toEqual(expect.arrayContaining(["quiet", "idle"]));
    const deliveries = await t.db.select().from(webhookDeliveries);
    expect(deliveries).toHaveLength(entered.length);
    expect(deliveries.every((d) => d.endpointId === subscribed.id && d.eventType === "account.entered_queue")).toBe(
      true,
    );

    const handlers = { "webhook.deliver": createDeliverHandler({ allowPrivate: true }) };
    const result = await runDueJobs(t.db, {
      workerId: "w",
      handlers,
      now: asOf,
      limit: 20,
      kinds: ["webhook.deliver"],
    });
    expect(result).toMatchObject({ claimed: entered.length, succeeded: entered.length });

    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set(deliveries.map((d) => d.id)));
    const bodies = receiver.received.map((r) => eventBody.parse(JSON.parse(r.body)));
    expect(bodies.every((b) => b.type === "account.entered_queue" && b.timestamp === asOf.toISOString())).toBe(true);
    expect(bodies.map((b) => [b.data.triageItemId, b.data.account.externalId]).sort()).toEqual(
      entered.map((e) => [e.id, e.externalId]).sort(),
    );

    // Scoring again with nothing changed enters nobody, so nothing more is sent.
    await recomputeHealth(t.db, asOf);
    expect(await t.db.select().from(webhookDeliveries)).toHaveLength(entered.length);
  });
});
