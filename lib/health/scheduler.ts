// Keeps health scores current in a running server: every HEALTH_REFRESH_SECONDS the accounts
// that received data are re-scored, and every hour (and at start) all of them, because the
// 28-day windows move with the clock even when no data arrives.
import { getDb } from "@/db/client";
import { recomputeHealth } from "@/db/queries/health";
import { markHealthStale, takeHealthStale } from "@/db/queries/health-stale";
import { env } from "@/lib/env";

const FULL_EVERY_MS = 60 * 60 * 1000;
const holder = globalThis as unknown as { __holdfastHealthTimer?: NodeJS.Timeout };

let lastFull = 0;
let running = false;

export async function refreshHealthOnce(now = new Date()): Promise<void> {
  if (running) return;
  running = true;
  const ids = takeHealthStale();
  try {
    const db = await getDb();
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
  if (seconds === 0 || holder.__holdfastHealthTimer) return;
  holder.__holdfastHealthTimer = setInterval(() => void refreshHealthOnce(), seconds * 1000);
  holder.__holdfastHealthTimer.unref();
}
