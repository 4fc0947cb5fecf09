// Sending webhooks through the job queue to a local receiver that verifies every request with
// standardwebhooks: retries, a worker that dies mid-delivery, replays, the address rule at send,
// the 24-hour deadline and a disabled endpoint.
import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { claimJobs, completeJob } from "@/db/queries/jobs";
import { listAttempts, replayDelivery, sendTestEvent } from "@/db/queries/webhook-deliveries";
import { createWebhookEndpoint, setWebhookEnabled } from "@/db/queries/webhooks";
import { jobs, webhookDeliveries } from "@/db/schema";
import { runDueJobs } from "@/lib/jobs/worker";
import { setupTestDbPerTest } from "@/test/db";
import { adminUrl, databaseUrl } from "@/test/postgres-urls";
import { type Receiver, startReceiver } from "@/test/webhook-receiver";
import { type DeliverOptions, createDeliverHandler } from "./deliver";

const T0 = new Date("2026-11-26T12:00:00Z");
const MINUTE = 60_000;
const t = setupTestDbPerTest();
let receiver: Receiver | undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});
afterEach(async () => {
  vi.useRealTimers();
  await receiver?.close();
  receiver = undefined;
});

const handlers = (opts: DeliverOptions = {}) => ({
  "webhook.deliver": createDeliverHandler({ allowPrivate: true, ...opts }),
});

/** One worker round at `now`, with the receiver's clock moved there too. */
function runAt(db: Db, now: Date, opts: DeliverOptions = {}) {
  vi.setSystemTime(now);
  return runDueJobs(db, {
    workerId: "worker-b",
    handlers: handlers(opts),
    now,
    kinds: ["webhook.deliver"],
  });
}

/** A receiver, an endpoint pointing at it and one test event queued at T0. */
async function queuedDelivery(db: Db, answer?: (n: number) => number | "hold", url = (r: Receiver) => r.url) {
  receiver = await startReceiver(answer);
  const endpoint = await createWebhookEndpoint(
    db,
    { url: url(receiver), events: ["account.entered_queue"] },
    SYSTEM_ACTOR,
    T0,
  );
  receiver.secret = endpoint.secret;
  const deliveryId = await sendTestEvent(db, endpoint.id, SYSTEM_ACTOR, T0);
  if (!deliveryId) throw new Error("no delivery was queued");
  return { receiver, endpoint, deliveryId };
}

async function jobOf(db: Db, deliveryId: string) {
  const [job] = await db
    .select()
    .from(jobs)
    .where(eq(jobs.key, `webhook:${deliveryId}`));
  if (!job) throw new Error(`no job for ${deliveryId}`);
  return job;
}

async function deliveryOf(db: Db, deliveryId: string) {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!row) throw new Error(`no delivery ${deliveryId}`);
  return row;
}

describe("webhook.deliver", () => {
  it("retries 500, 500 and succeeds on the 200, with the same webhook-id, each request signed and verified", async () => {
    const { receiver, deliveryId } = await queuedDelivery(t.db, (n) => (n < 3 ? 500 : 200));
    expect(await runAt(t.db, T0)).toMatchObject({ claimed: 1, failed: 1 });
    const second = (await jobOf(t.db, deliveryId)).runAt;
    expect(second.getTime()).toBeGreaterThan(T0.getTime());
    expect(await runAt(t.db, new Date(second.getTime() - 1))).toMatchObject({ claimed: 0 });
    expect(await runAt(t.db, second)).toMatchObject({ claimed: 1, failed: 1 });
    const third = (await jobOf(t.db, deliveryId)).runAt;
    expect(await runAt(t.db, third)).toMatchObject({ claimed: 1, succeeded: 1 });

    const attempts = await listAttempts(t.db, deliveryId);
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(attempts.map((a) => a.at)).toEqual([T0, second, third]);
    expect(attempts.every((a) => a.trigger === "automatic" && a.response.startsWith("answer "))).toBe(true);
    expect(attempts[0]?.error).toBeNull();
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200 });
    expect(await jobOf(t.db, deliveryId)).toMatchObject({ status: "done" });

    expect(receiver.received).toHaveLength(3);
    for (const r of receiver.received) {
      expect(r).toMatchObject({ id: deliveryId, verified: true, contentType: "application/json" });
      expect(r.userAgent).toMatch(/Holdfast/);
      expect(JSON.parse(r.body)).toMatchObject({ type: "webhook.test", timestamp: T0.toISOString() });
    }
    const stamps = receiver.received.map((r) => Number(r.timestamp) * 1000);
    expect(stamps).toEqual([T0, second, third].map((d) => Math.floor(d.getTime() / 1000) * 1000));
  });

  it("a worker that vanishes mid-delivery leaves it to another once its lease lapses, with the same webhook-id", async () => {
    const { receiver, deliveryId } = await queuedDelivery(t.db);
    const [held] = await claimJobs(t.db, { workerId: "worker-a", now: T0, leaseMs: MINUTE, limit: 10 });
    expect(held?.key).toBe(`webhook:${deliveryId}`);
    expect(await runAt(t.db, new Date(T0.getTime() + 30_000))).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(0);

    const later = new Date(T0.getTime() + MINUTE + 1);
    expect(await runAt(t.db, later)).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received.map((r) => [r.id, r.verified])).toEqual([[deliveryId, true]]);
    expect((await listAttempts(t.db, deliveryId)).map((a) => a.statusCode)).toEqual([200]);
    // Worker A coming back cannot finish a job it no longer holds.
    if (held) expect(await completeJob(t.db, held, later)).toBe(false);
  });

  it("a replay ten minutes later verifies at that clock with the same webhook-id and a new timestamp", async () => {
    const { receiver, deliveryId, endpoint } = await queuedDelivery(t.db);
    await runAt(t.db, T0);
    const later = new Date(T0.getTime() + 10 * MINUTE);
    vi.setSystemTime(later);
    expect(await replayDelivery(t.db, deliveryId, SYSTEM_ACTOR, later)).toBe(deliveryId);
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "pending" });
    expect(await runAt(t.db, later)).toMatchObject({ claimed: 1, succeeded: 1 });

    const [first, replay] = receiver.received;
    expect(replay).toMatchObject({ id: deliveryId, verified: true, body: first?.body });
    expect(Number(replay?.timestamp)).toBe(Math.floor(later.getTime() / 1000));
    expect(replay?.timestamp).not.toBe(first?.timestamp);
    // The first signature, sent ten minutes ago, no longer verifies at this clock.
    const firstHeaders = {
      "webhook-id": first?.id ?? "",
      "webhook-timestamp": first?.timestamp ?? "",
      "webhook-signature": first?.signature ?? "",
    };
    expect(() => new Webhook(endpoint.secret).verify(first?.body ?? "", firstHeaders)).toThrow(/too old/i);
    const attempts = await listAttempts(t.db, deliveryId);
    expect(attempts.map((a) => [a.trigger, a.statusCode])).toEqual([
      ["automatic", 200],
      ["replay", 200],
    ]);
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("refuses at send an endpoint saved while private addresses were allowed, naming the address", async () => {
    const { receiver, deliveryId } = await queuedDelivery(t.db);
    expect(await runAt(t.db, T0, { allowPrivate: false })).toMatchObject({ claimed: 1, failed: 1 });
    const [attempt] = await listAttempts(t.db, deliveryId);
    expect(attempt).toMatchObject({ statusCode: null, response: "" });
    expect(attempt?.error).toContain("(127.0.0.1)");
    expect(receiver.connections()).toBe(0);
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "pending", lastStatusCode: null });
  });

  it("refuses at connection time a name that resolved to a public address when checked, then to loopback", async () => {
    const answers = [["93.184.216.34"], ["127.0.0.1"]];
    const lookup = async () => answers.shift() ?? [];
    const port = (r: Receiver) => new URL(r.url).port;
    const { receiver, deliveryId } = await queuedDelivery(
      t.db,
      undefined,
      (r) => `https://rebound.example:${port(r)}/`,
    );
    expect(await runAt(t.db, T0, { allowPrivate: false, lookup })).toMatchObject({ claimed: 1, failed: 1 });
    expect(answers).toEqual([]);
    const [attempt] = await listAttempts(t.db, deliveryId);
    expect(attempt).toMatchObject({ statusCode: null });
    expect(attempt?.error).toContain("(127.0.0.1)");
    expect(receiver.connections()).toBe(0);
  });

  it("logs a receiver that keeps the request open past the time limit as no answer, and retries", async () => {
    const { deliveryId } = await queuedDelivery(t.db, () => "hold");
    expect(await runAt(t.db, T0, { timeoutMs: 300 })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await listAttempts(t.db, deliveryId)).toMatchObject([
      { statusCode: null, error: "No answer within 0.3 s." },
    ]);
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "pending" });
  });

  it("gives up after 24 hours: the delivery fails and the job is dead", async () => {
    const { receiver, deliveryId } = await queuedDelivery(t.db, () => 500);
    const deadline = T0.getTime() + 24 * 60 * MINUTE;
    let now = T0;
    for (let round = 0; round < 100; round++) {
      await runAt(t.db, now);
      const job = await jobOf(t.db, deliveryId);
      if (job.status !== "queued") break;
      now = job.runAt;
    }
    expect(await jobOf(t.db, deliveryId)).toMatchObject({ status: "dead" });
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "failed", nextAttemptAt: null });
    const attempts = await listAttempts(t.db, deliveryId);
    expect(attempts.length).toBe(receiver.received.length);
    expect(attempts.length).toBeGreaterThan(20);
    expect(attempts.every((a) => a.statusCode === 500 && a.at.getTime() <= deadline)).toBe(true);
    // The last try was within an hour (the longest wait) of the deadline.
    expect(deadline - (attempts.at(-1)?.at.getTime() ?? 0)).toBeLessThan(60 * MINUTE);
  });

  it("a failed replay leaves a delivery still being retried pending, at its next automatic try", async () => {
    const { deliveryId } = await queuedDelivery(t.db, () => 500);
    await runAt(t.db, T0);
    const retry = (await jobOf(t.db, deliveryId)).runAt;
    const replayAt = new Date(T0.getTime() + 1000);
    await replayDelivery(t.db, deliveryId, SYSTEM_ACTOR, replayAt);
    // The replay (one try) fails and is dead; the automatic retry is still queued.
    expect(await runAt(t.db, replayAt)).toMatchObject({ claimed: 1, dead: 1 });
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "pending", nextAttemptAt: retry });
    // Before the fix it read failed here, while the retry below still ran.
    expect(await runAt(t.db, retry)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "pending" });
  });

  it("a disabled endpoint's delivery fails without a request, and the log says why", async () => {
    const { receiver, deliveryId, endpoint } = await queuedDelivery(t.db);
    await setWebhookEnabled(t.db, endpoint.id, false, SYSTEM_ACTOR);
    expect(await runAt(t.db, T0)).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.connections()).toBe(0);
    expect(await listAttempts(t.db, deliveryId)).toMatchObject([
      { statusCode: null, error: "Not sent: the endpoint is disabled." },
    ]);
    expect(await deliveryOf(t.db, deliveryId)).toMatchObject({ status: "failed" });
    expect(await jobOf(t.db, deliveryId)).toMatchObject({ status: "done" });
  });

  // PGlite lives in one process; a second process needs PostgreSQL.
  it.skipIf(process.env.HOLDFAST_TEST_ENGINE !== "postgres")(
    "a worker process killed while the receiver holds its request is replaced, with the same webhook-id",
    async () => {
      vi.useRealTimers();
      const base = process.env.TEST_DATABASE_URL ?? "";
      const name = `${inject("postgresTemplate").replace(/_tpl$/, "")}_killed_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl(base) });
      await admin.connect();
      await admin.query(`create database "${name}" template "${inject("postgresTemplate")}"`);
      await admin.end();
      const url = databaseUrl(base, name);
      const handle = await openPostgres(url, 2);
      try {
        const { receiver, deliveryId } = await queuedDelivery(handle.db, (n) => (n === 1 ? "hold" : 200));
        const child = spawn(process.execPath, ["--import", "tsx", path.join("test", "webhook-worker.ts"), url], {
          stdio: "inherit",
        });
        const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
        await receiver.arrived(1);
        child.kill("SIGKILL");
        expect(await exited).toBe("SIGKILL");
        receiver.dropHeld();
        expect(await jobOf(handle.db, deliveryId)).toMatchObject({ status: "running", lockedBy: "doomed-worker" });
        expect(await listAttempts(handle.db, deliveryId)).toEqual([]);

        // After the lease (60 s) lapses, another server's worker delivers it.
        const later = new Date(Date.now() + MINUTE + 1000);
        const result = await runDueJobs(handle.db, { workerId: "worker-c", handlers: handlers(), now: later });
        expect(result).toMatchObject({ claimed: 1, succeeded: 1 });
        expect(receiver.received.map((r) => r.id)).toEqual([deliveryId, deliveryId]);
        expect(receiver.received.every((r) => r.verified)).toBe(true);
        expect((await listAttempts(handle.db, deliveryId)).map((a) => a.statusCode)).toEqual([200]);
        expect(await deliveryOf(handle.db, deliveryId)).toMatchObject({ status: "succeeded" });
      } finally {
        await handle.close();
      }
    },
  );
});
