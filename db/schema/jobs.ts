// The one durable job queue (lib/jobs): work done after a request — webhook deliveries, scheduled
// re-scoring — claimed with FOR UPDATE SKIP LOCKED under a lease, so it survives a restart and runs
// once with several servers. Accounts whose health inputs changed wait in health_stale for the
// re-scoring job, whichever server took the data in.
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { jobStatus } from "./enums";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Unique: enqueueing the same key twice makes one job (a webhook's is its `webhook-id`). */
    key: text("key").notNull().unique(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default({}),
    status: jobStatus("status").notNull().default("queued"),
    /** Not before this instant: the first run, the next retry or the next round of a recurring job. */
    runAt: at("run_at").notNull().defaultNow(),
    /** Runs started so far (a recurring job counts those since its last success). */
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts"),
    /** No retry starts after this instant: the job is dead instead (24 h for a webhook). */
    deadline: at("deadline"),
    /** A recurring job is queued again this many seconds after each run, and never dies. */
    everySeconds: integer("every_seconds"),
    lastError: text("last_error"),
    /** The worker holding the job, and until when: a lease that lapses (a crash) frees the job. */
    lockedBy: text("locked_by"),
    lockedUntil: at("locked_until"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
  },
  (t) => [
    index("jobs_due_idx")
      .on(t.runAt)
      .where(sql`status = 'queued'`),
    index("jobs_lease_idx")
      .on(t.lockedUntil)
      .where(sql`status = 'running'`),
    index("jobs_kind_status_idx").on(t.kind, t.status),
  ],
);

export const healthStale = pgTable("health_stale", {
  accountId: text("account_id").primaryKey(),
  markedAt: at("marked_at").notNull().defaultNow(),
});
