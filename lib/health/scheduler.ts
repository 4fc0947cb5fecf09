// Keeps health scores current in a running server: every HEALTH_REFRESH_SECONDS the accounts
// that received data are re-scored, and every hour (and at start) all of them, because the
// 28-day windows move with the clock even when no data arrives.
import { type Db, getDb } from "@/db/client";
import { recomputeHealth } from "@/db/queries/health";
import { markHealthStale, takeHealthStale } from "@/db/queries/health-stale";
import { env } from "@/lib/env";

const FULL_EVERY_MS = 60 * 60 * 1000;
declare global {
  var __holdfastHealthTimer: NodeJS.Timeout | undefined;
}

let lastFull = 0;

/** For tests: the next round scores only the marked accounts (as if a full run just happened). */
export function markFullRunDone(at: Date): void {
  lastFull = at.getTime();
}
let running = false;

/** One round: every account when the last full run is an hour old, else the marked ones. */
export async function refreshHealthOnce(db: Db, now = new Date()): Promise<void> {
  if (running) return;
  running = true;
  const ids = takeHealthStale();
  try {
    if (now.getTime() - lastFull >= FULL_EVERY_MS) {
      await recomputeHealth(db, now);
      lastFull = now.getTime();
    } else if (ids.length > 0) {
      await recomputeHealth(db, now, ids);
    }
  } catch (error) {
    // Keep the marks for the next round; the failure is the server log's to show.
    markHealthStale(ids);
    console.error("Health refresh failed:", error);
  } finally {
    running = false;
  }
}

export function startHealthScheduler(): void {
  const seconds = env().HEALTH_REFRESH_SECONDS;
  // On globalThis: a bundle loaded twice still starts one timer.
  if (seconds === 0 || globalThis.__holdfastHealthTimer) return;
  const timer = setInterval(() => void getDb().then((db) => refreshHealthOnce(db)), seconds * 1000);
  timer.unref();
  globalThis.__holdfastHealthTimer = timer;
}
