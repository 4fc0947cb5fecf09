// The background job queue as the admin page shows it.
import type { JobStatus } from "@/lib/values";

export interface JobCount {
  kind: string;
  status: JobStatus;
  jobs: number;
}

/** A job that ran out of tries or time, with its last error. */
export interface DeadJob<When = Date> {
  id: number;
  kind: string;
  key: string;
  attempts: number;
  lastError: string | null;
  finishedAt: When | null;
}

/** A recurring job (health re-scoring, pruning): its period, its last run and its next. */
export interface RecurringJob<When = Date> {
  id: number;
  kind: string;
  key: string;
  everySeconds: number;
  status: JobStatus;
  /** When the last run finished (or, while running, started); null before the first run. */
  lastRunAt: When | null;
  /** When it runs next (for a running job, when this run started being due). */
  nextRunAt: When;
  /** Runs since the last success: more than 0 with `lastError` when the last run failed. */
  attempts: number;
  lastError: string | null;
}
