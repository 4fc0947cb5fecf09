// Accounts whose health inputs changed since their last score, kept in this process: writes mark
// them, the scheduler (lib/health/scheduler) re-scores them within its interval. A write from
// another process (a CLI import, a second server) is caught by the hourly full recompute.
const holder = globalThis as unknown as { __holdfastHealthStale?: Set<string> };

function stale(): Set<string> {
  holder.__holdfastHealthStale ??= new Set();
  return holder.__holdfastHealthStale;
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
