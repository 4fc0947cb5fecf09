// The job queue's statements (policy — backoff, deadlines, what each kind does — is lib/jobs'):
// enqueue by unique key, claim due jobs and lapsed leases with FOR UPDATE SKIP LOCKED, and finish
// a run only while the lease is still the worker's own.
import { and, asc, count, desc, eq, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { DeadJob, JobCount, RecurringJob } from "@/lib/types/jobs";
import type { JobKind } from "@/lib/values";

export type Job = typeof jobs.$inferSelect;

export interface NewJob {
  key: string;
  kind: JobKind;
  payload?: Record<string, unknown>;
  runAt?: Date;
  deadline?: Date | null;
  maxAttempts?: number | null;
}

/** Adds jobs; a key already queued (or run) is left as it is. Returns the ids of the new ones. */
export async function enqueueJobs(db: Db, list: NewJob[], now: Date): Promise<number[]> {
  if (list.length === 0) return [];
  const rows = await db
    .insert(jobs)
    .values(
      list.map((j) => ({
        key: j.key,
        kind: j.kind,
        payload: j.payload ?? {},
        runAt: j.runAt ?? now,
        deadline: j.deadline ?? null,
        maxAttempts: j.maxAttempts ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: jobs.key })
    .returning({ id: jobs.id });
  return rows.map((r) => r.id);
}

/**
 * A recurring job under a fixed key: made once by whichever server starts first, first due at
 * `firstRunAt`; its period follows the setting of the server that last made or ran it.
 */
export async function ensureRecurring(
  db: Db,
  job: { key: string; kind: JobKind; everySeconds: number; firstRunAt: Date },
): Promise<void> {
  await db
    .insert(jobs)
    .values({
      key: job.key,
      kind: job.kind,
      everySeconds: job.everySeconds,
      runAt: job.firstRunAt,
      createdAt: job.firstRunAt,
      updatedAt: job.firstRunAt,
    })
    .onConflictDoUpdate({ target: jobs.key, set: { everySeconds: job.everySeconds } });
}

/**
 * Takes up to `limit` jobs that are due, or whose lease lapsed (their worker died), for `workerId`
 * until `now + leaseMs`; each run counts as an attempt. Rows another worker is claiming are
 * skipped, never waited for, and never taken twice.
 */
export async function claimJobs(
  db: Db,
  opts: { workerId: string; now: Date; leaseMs: number; limit: number; kinds?: readonly JobKind[] },
): Promise<Job[]> {
  const { workerId, now, leaseMs, limit, kinds } = opts;
  const due = or(
    and(eq(jobs.status, "queued"), lte(jobs.runAt, now)),
    and(eq(jobs.status, "running"), lt(jobs.lockedUntil, now)),
  );
  const candidates = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(kinds ? and(due, inArray(jobs.kind, [...kinds])) : due)
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: "running",
      lockedBy: workerId,
      lockedUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${jobs.attempts} + 1`,
      updatedAt: now,
    })
    .where(inArray(jobs.id, candidates))
    .returning();
}

/** The worker's own lease on the job: a run whose lease was taken over changes nothing. */
const held = (job: Job) => and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.lockedBy, job.lockedBy ?? ""));

/** A run succeeded: done, or for a recurring job queued again one period later. Whether the lease was still held. */
export async function completeJob(db: Db, job: Job, now: Date): Promise<boolean> {
  const next = job.everySeconds
    ? { status: "queued" as const, runAt: new Date(now.getTime() + job.everySeconds * 1000), attempts: 0 }
    : { status: "done" as const, finishedAt: now };
  const rows = await db
    .update(jobs)
    .set({ ...next, lastError: null, lockedBy: null, lockedUntil: null, updatedAt: now })
    .where(held(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** A run failed: queued again at `retryAt`, or dead when that is null. Whether the lease was still held. */
export async function failJob(db: Db, job: Job, error: string, retryAt: Date | null, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: retryAt ? "queued" : "dead",
      runAt: retryAt ?? job.runAt,
      finishedAt: retryAt ? null : now,
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(held(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** Jobs by kind and status, for the admin's view of background work. */
export async function jobCounts(db: Db): Promise<JobCount[]> {
  return db
    .select({ kind: jobs.kind, status: jobs.status, jobs: count() })
    .from(jobs)
    .groupBy(jobs.kind, jobs.status)
    .orderBy(jobs.kind, jobs.status);
}

/** The latest dead jobs with their last error: work that will not be retried by itself. */
export async function deadJobs(db: Db, limit = 50): Promise<DeadJob[]> {
  return db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      key: jobs.key,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .where(eq(jobs.status, "dead"))
    .orderBy(desc(jobs.finishedAt))
    .limit(limit);
}

/** Keeps a long run's lease: pushes `lockedUntil` forward while the worker still holds the job. */
export async function extendLease(db: Db, job: Job, until: Date): Promise<boolean> {
  const rows = await db.update(jobs).set({ lockedUntil: until }).where(held(job)).returning({ id: jobs.id });
  return rows.length === 1;
}

/** Removes a job by key (a recurring job turned off by its setting). */
export async function removeJob(db: Db, key: string): Promise<void> {
  await db.delete(jobs).where(eq(jobs.key, key));
}

/** Finished jobs (done or dead) older than `before`: the record of a delivery lives on in its own log. */
export async function pruneJobs(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ["done", "dead"]), lt(jobs.finishedAt, before)))
    .returning({ id: jobs.id });
  return rows.length;
}

/**
 * The recurring jobs, by kind: each row is queued again after every run with `updatedAt` at the
 * run's end (`attempts` 0 on success, `lastError` set when it failed), so `updatedAt` is its last
 * run; a job that never ran still has the `updatedAt` it was made with and no attempts.
 */
export async function recurringJobs(db: Db): Promise<RecurringJob[]> {
  const rows = await db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      key: jobs.key,
      everySeconds: jobs.everySeconds,
      status: jobs.status,
      runAt: jobs.runAt,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      updatedAt: jobs.updatedAt,
    })
    .from(jobs)
    .where(isNotNull(jobs.everySeconds))
    .orderBy(asc(jobs.kind), asc(jobs.key));
  return rows.map(({ runAt, createdAt, updatedAt, everySeconds, ...j }) => {
    const neverRan = j.attempts === 0 && j.lastError === null && updatedAt.getTime() === createdAt.getTime();
    return { ...j, everySeconds: everySeconds ?? 0, lastRunAt: neverRan ? null : updatedAt, nextRunAt: runAt };
  });
}
