// Ends cancel sessions nobody finished, by the clock and never by a page view: every five minutes a
// claimed job marks sessions never opened in time `expired` and sessions left open 24 h `abandoned`.
import type { Db } from "@/db/client";
import { endStaleCancelSessions } from "@/db/queries/cancel-sessions";
import { ensureRecurring } from "@/db/queries/jobs";
import type { JobHandler } from "@/lib/jobs/types";

export const END_STALE_SESSIONS_JOB = "recurring:cancel.end_stale_sessions";
export const END_STALE_SESSIONS_SECONDS = 300;

export const endStaleSessions: JobHandler = {
  async run({ db, now }) {
    await endStaleCancelSessions(db, now);
  },
};

export async function ensureCancelJobs(db: Db, now: Date): Promise<void> {
  await ensureRecurring(db, {
    key: END_STALE_SESSIONS_JOB,
    kind: "cancel.end_stale_sessions",
    everySeconds: END_STALE_SESSIONS_SECONDS,
    firstRunAt: now,
  });
}
