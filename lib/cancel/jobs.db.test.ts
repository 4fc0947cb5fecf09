// The recurring job that ends cancel sessions nobody finished: registered once, every five minutes,
// and its run ends what the clock says is over, writing no answer.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { claimJobs, recurringJobs } from "@/db/queries/jobs";
import { openCancelSession } from "@/db/queries/cancel-sessions";
import { cancelSessions, cancellationResponses } from "@/db/schema";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { setupTestDbPerTest } from "@/test/db";
import { makeAccounts } from "@/test/factories";
import { ensureTestDefaultFlow, startSession } from "@/test/cancel-flow-fixture";
import { END_STALE_SESSIONS_JOB, END_STALE_SESSIONS_SECONDS, endStaleSessions, ensureCancelJobs } from "./jobs";

const t = setupTestDbPerTest();
const T0 = new Date("2026-03-02T12:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("the cancel sessions' recurring job", () => {
  it("is registered once, every 300 s, under the worker's handler for its kind", async () => {
    await ensureCancelJobs(t.db, T0);
    await ensureCancelJobs(t.db, at(1));
    const jobs = await recurringJobs(t.db);
    expect(jobs).toEqual([
      expect.objectContaining({ kind: "cancel.end_stale_sessions", everySeconds: 300, nextRunAt: T0 }),
    ]);
    expect(END_STALE_SESSIONS_SECONDS).toBe(300);
    expect(END_STALE_SESSIONS_JOB).toBe("recurring:cancel.end_stale_sessions");
    expect(JOB_HANDLERS["cancel.end_stale_sessions"]).toBe(endStaleSessions);
  });

  it("a run ends a link never opened in time as expired and one left open 24 h as abandoned", async () => {
    await ensureTestDefaultFlow(t.db);
    await ensureCancelJobs(t.db, T0);
    const [a = "", b = "", c = ""] = await makeAccounts(t.db, 3, "job");
    const unopened = await startSession(t.db, a, T0); // expires at T0 + 60 min
    const left = await startSession(t.db, b, T0);
    await openCancelSession(t.db, left.token, at(10)); // over at T0 + 10 min + 24 h
    const fresh = await startSession(t.db, c, at(1440)); // made a day later: still waiting
    // The job as the worker claims it, at T0 + 24 h 10 min.
    const now = at(1450);
    const [job] = await claimJobs(t.db, { workerId: "w1", now, leaseMs: 60_000, limit: 5 });
    if (!job) throw new Error("the recurring job was not due");
    await endStaleSessions.run({ db: t.db, job, now });
    const status = async (id: string) =>
      (await t.db.select().from(cancelSessions).where(eq(cancelSessions.id, id)))[0]?.status;
    expect([await status(unopened.id), await status(left.id), await status(fresh.id)]).toEqual([
      "expired",
      "abandoned",
      "open",
    ]);
    expect(await t.db.$count(cancellationResponses)).toBe(0);
  });
});
