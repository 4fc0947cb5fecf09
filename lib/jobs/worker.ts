// The worker: claims due jobs from the queue (db/queries/jobs), runs each with its handler, and
// marks it done, queued again with backoff, or dead past its deadline. Started once per server
// from instrumentation.ts (HOLDFAST_WORKER=false turns it off); tests call runDueJobs with a clock.
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/db/client";
import { claimJobs, completeJob, extendLease, failJob, type Job } from "@/db/queries/jobs";
import { backoffMs } from "./backoff";
import type { JobKind } from "@/lib/values";
import type { JobHandlers } from "./types";

export const LEASE_MS = 60_000;

export interface RunOptions {
  workerId: string;
  handlers: JobHandlers;
  now?: Date;
  limit?: number;
  leaseMs?: number;
  random?: () => number;
  /** Only these kinds (a test running one job; a server that runs some kinds only). */
  kinds?: readonly JobKind[];
}

export interface RunResult {
  claimed: number;
  succeeded: number;
  failed: number;
  dead: number;
}

/** When a failed run goes again; null when it is dead (past its attempts or its deadline). Recurring jobs never die. */
export function retryAt(job: Job, now: Date, random: () => number = Math.random): Date | null {
  const wait = backoffMs(job.attempts, random());
  if (job.everySeconds) return new Date(now.getTime() + Math.min(wait, job.everySeconds * 1000));
  if (job.maxAttempts !== null && job.attempts >= job.maxAttempts) return null;
  const at = new Date(now.getTime() + wait);
  if (job.deadline && at > job.deadline) return null;
  return at;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runOne(db: Db, job: Job, opts: Required<Omit<RunOptions, "now" | "limit" | "kinds">>, now: Date) {
  const handler = opts.handlers[job.kind];
  // A lease renewed while the run lasts, so a slow run is not taken over by another worker.
  const renew = setInterval(
    () => void extendLease(db, job, new Date(Date.now() + opts.leaseMs)).catch(() => undefined),
    opts.leaseMs / 3,
  );
  renew.unref();
  try {
    if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
    await handler.run({ db, job, now });
    await completeJob(db, job, now);
    return "succeeded" as const;
  } catch (error) {
    const text = message(error);
    const at = retryAt(job, now, opts.random);
    await db.transaction(async (tx) => {
      if (await failJob(tx, job, text, at, now)) {
        await handler?.onFailed?.({ db: tx, job, now, error: text, retryAt: at });
      }
    });
    return at ? ("failed" as const) : ("dead" as const);
  } finally {
    clearInterval(renew);
  }
}

/** One round: claims up to `limit` due jobs and runs them side by side. */
export async function runDueJobs(db: Db, opts: RunOptions): Promise<RunResult> {
  const now = opts.now ?? new Date();
  const full = { leaseMs: LEASE_MS, random: Math.random, ...opts };
  const claimed = await claimJobs(db, {
    workerId: opts.workerId,
    now,
    leaseMs: full.leaseMs,
    limit: opts.limit ?? 4,
    kinds: opts.kinds,
  });
  const outcomes = await Promise.all(claimed.map((job) => runOne(db, job, full, now)));
  return {
    claimed: claimed.length,
    succeeded: outcomes.filter((o) => o === "succeeded").length,
    failed: outcomes.filter((o) => o === "failed").length,
    dead: outcomes.filter((o) => o === "dead").length,
  };
}

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export interface Worker {
  stop(): Promise<void>;
}

/**
 * A loop with `concurrency` slots: each free slot is filled with a due job as soon as one is, and
 * every job runs on its own, so a long run (the hourly re-scoring) never holds up a delivery that
 * falls due meanwhile. With nothing due, or no free slot, it waits `pollMs` or until a run ends.
 */
export function startWorker(opts: {
  db: () => Promise<Db>;
  handlers: JobHandlers;
  pollMs?: number;
  concurrency?: number;
  workerId?: string;
  onError?: (error: unknown) => void;
}): Worker {
  const workerId = opts.workerId ?? newWorkerId();
  const pollMs = opts.pollMs ?? 1000;
  const concurrency = opts.concurrency ?? 4;
  const onError = opts.onError ?? ((e: unknown) => console.error("Job worker round failed:", e));
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      const free = concurrency - running.size;
      if (free > 0) {
        try {
          const db = await opts.db();
          const now = new Date();
          const jobs = await claimJobs(db, { workerId, now, leaseMs: LEASE_MS, limit: free });
          claimed = jobs.length;
          for (const job of jobs) {
            const run = runOne(
              db,
              job,
              { workerId, handlers: opts.handlers, leaseMs: LEASE_MS, random: Math.random },
              now,
            )
              .catch(onError)
              .finally(() => {
                running.delete(run);
                wake?.();
              });
            running.add(run);
          }
        } catch (error) {
          onError(error);
        }
      }
      // Straight on while jobs keep coming and slots are free; else wait for a run to end or the poll.
      if (!stopped && (claimed === 0 || running.size >= concurrency)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs).unref();
        });
      }
    }
    await Promise.allSettled([...running]);
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
