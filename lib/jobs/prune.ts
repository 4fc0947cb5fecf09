// Keeps the queue's table small: once a day, finished jobs (done or dead) older than two weeks are
// removed. Webhook deliveries and their attempts stay in their own log; this removes only the jobs.
import type { Db } from "@/db/client";
import { ensureRecurring, pruneJobs } from "@/db/queries/jobs";
import type { JobHandler } from "./types";

export const PRUNE_JOB = "recurring:jobs.prune";
export const KEEP_FINISHED_MS = 14 * 86_400_000;
const DAY_SECONDS = 86_400;

export const pruneFinishedJobs: JobHandler = {
  async run({ db, now }) {
    await pruneJobs(db, new Date(now.getTime() - KEEP_FINISHED_MS));
  },
};

export async function ensurePruneJob(db: Db, now: Date): Promise<void> {
  await ensureRecurring(db, { key: PRUNE_JOB, kind: "jobs.prune", everySeconds: DAY_SECONDS, firstRunAt: now });
}
