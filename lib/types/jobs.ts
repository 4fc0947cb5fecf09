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
