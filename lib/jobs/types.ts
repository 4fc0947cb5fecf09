// What the worker needs to know of each kind of job: the code that runs it, and what to write
// beside the queue's own row when a run fails (the delivery log of a webhook, say).
import type { Db } from "@/db/client";
import type { Job } from "@/db/queries/jobs";

export interface JobContext {
  db: Db;
  job: Job;
  /** The worker's clock at the claim (injected in tests). */
  now: Date;
}

export interface JobHandler {
  run(ctx: JobContext): Promise<void>;
  /** In the transaction that marks the failed run: `retryAt` null when the job is dead. */
  onFailed?(ctx: JobContext & { error: string; retryAt: Date | null }): Promise<void>;
}

export type JobHandlers = Partial<Record<Job["kind"], JobHandler>>;
