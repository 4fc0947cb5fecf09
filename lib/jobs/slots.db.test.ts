// The server's worker runs each job on its own: a long run (the hourly re-scoring) holds one slot,
// and a delivery that falls due meanwhile runs at once in another.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enqueueJobs } from "@/db/queries/jobs";
import { jobs } from "@/db/schema";
import { setupTestDbPerTest } from "@/test/db";
import type { JobHandlers } from "./types";
import { startWorker } from "./worker";

const t = setupTestDbPerTest();

async function statusOf(key: string) {
  const [row] = await t.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.key, key));
  return row?.status;
}

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the worker's slots", () => {
  it("runs a job that falls due while a long one runs, without waiting for it", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let longStarted = false;
    const handlers: JobHandlers = {
      "health.rescore_all": {
        async run() {
          longStarted = true;
          await held;
        },
      },
      "webhook.deliver": { async run() {} },
    };
    await enqueueJobs(t.db, [{ key: "long", kind: "health.rescore_all" }], new Date());
    const worker = startWorker({ db: async () => t.db, handlers, workerId: "w", pollMs: 20 });
    try {
      await until(async () => longStarted);
      // Due after the long run started: with one round awaiting all its jobs, it would wait for "long".
      await enqueueJobs(t.db, [{ key: "quick", kind: "webhook.deliver" }], new Date());
      await until(async () => (await statusOf("quick")) === "done");
      expect(await statusOf("long")).toBe("running");
    } finally {
      release();
      await worker.stop();
    }
    expect(await statusOf("long")).toBe("done");
  });
});
