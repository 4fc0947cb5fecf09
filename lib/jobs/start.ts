// Starts this server's background work (from instrumentation.ts): the recurring jobs are made if
// no server has made them yet, and one worker loop claims and runs due jobs. HOLDFAST_WORKER=false
// leaves this server without a worker; another server on the same database does the work.
import { getDb } from "@/db/client";
import { ensureCancelJobs } from "@/lib/cancel/jobs";
import { ensureDigestJob } from "@/lib/notify/digest";
import { env } from "@/lib/env";
import { ensureHealthJobs } from "@/lib/health/jobs";
import { JOB_HANDLERS } from "./handlers";
import { ensurePruneJob } from "./prune";
import { type Worker, startWorker } from "./worker";

declare global {
  var __holdfastWorker: Worker | undefined;
}

export async function startBackgroundWork(): Promise<void> {
  // On globalThis: a bundle loaded twice still starts one worker.
  if (!env().HOLDFAST_WORKER || globalThis.__holdfastWorker) return;
  const db = await getDb();
  const now = new Date();
  await ensureHealthJobs(db, env().HEALTH_REFRESH_SECONDS, now);
  await ensurePruneJob(db, now);
  await ensureCancelJobs(db, now);
  await ensureDigestJob(db, now);
  globalThis.__holdfastWorker = startWorker({ db: getDb, handlers: JOB_HANDLERS });
}
