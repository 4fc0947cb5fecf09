// Health re-scoring as recurring jobs of the queue (lib/jobs), so two servers on one database run
// each round once: every HEALTH_REFRESH_SECONDS the accounts that received data (health_stale),
// and every hour every account, because the 28-day windows move with the clock.
import type { Db } from "@/db/client";
import { recomputeHealth } from "@/db/queries/health";
import { takeHealthStale } from "@/db/queries/health-stale";
import { ensureRecurring, removeJob } from "@/db/queries/jobs";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import type { JobHandler } from "@/lib/jobs/types";

export const HEALTH_STALE_JOB = "recurring:health.rescore_stale";
export const HEALTH_ALL_JOB = "recurring:health.rescore_all";
const HOUR_SECONDS = 3600;

/**
 * Re-scores the marked accounts, then runs the alert rules; a failure of the scoring rolls back the
 * take, so they stay marked for the next round.
 */
export const rescoreStale: JobHandler = {
  async run({ db, now }) {
    let rescored = 0;
    await db.transaction(async (tx) => {
      const ids = await takeHealthStale(tx);
      if (ids.length > 0) await recomputeHealth(tx, now, ids);
      rescored = ids.length;
    });
    // New data's alerts (health drops, queue entries) fire in the same round, not one interval later.
    if (rescored > 0) await evaluateAlerts(db, now);
  },
};

/** Every account, then the alert rules: the time-based conditions (trials, failed payments) move with the clock. */
export const rescoreAll: JobHandler = {
  async run({ db, now }) {
    await recomputeHealth(db, now);
    await evaluateAlerts(db, now);
  },
};

/** Makes the two recurring jobs if no server has yet; `refreshSeconds` 0 stops the frequent round. */
export async function ensureHealthJobs(db: Db, refreshSeconds: number, now: Date): Promise<void> {
  await ensureRecurring(db, {
    key: HEALTH_ALL_JOB,
    kind: "health.rescore_all",
    everySeconds: HOUR_SECONDS,
    firstRunAt: now,
  });
  if (refreshSeconds > 0) {
    await ensureRecurring(db, {
      key: HEALTH_STALE_JOB,
      kind: "health.rescore_stale",
      everySeconds: refreshSeconds,
      firstRunAt: now,
    });
  } else {
    await removeJob(db, HEALTH_STALE_JOB);
  }
}
