// Accounts whose health inputs changed since their last score, kept in this process: writes mark
// them, the scheduler (lib/health/scheduler) re-scores them within its interval. A write from
// another process (a CLI import, a second server) is caught by the hourly full recompute.
declare global {
  var __holdfastHealthStale: Set<string> | undefined;
}

/** Kept on globalThis so bundles loaded twice share one set. */
function stale(): Set<string> {
  globalThis.__holdfastHealthStale ??= new Set();
  return globalThis.__holdfastHealthStale;
}

export function markHealthStale(accountIds: Iterable<string>): void {
  const set = stale();
  for (const id of accountIds) set.add(id);
}

/** The marked accounts, leaving the set empty. */
export function takeHealthStale(): string[] {
  const set = stale();
  const ids = [...set];
  set.clear();
  return ids;
}
