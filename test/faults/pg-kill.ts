// Crash PostgreSQL in the middle of ingestion, again and again: after each restart every batch
// that was acknowledged must be there, and the client's retries (same Idempotency-Key) must add
// nothing twice. Runs on a throwaway cluster (see pg-cluster.ts).
import { eq, sum } from "drizzle-orm";
import { type DbHandle, openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { type ApiKeyIdentity, createApiKey } from "@/db/queries/api-keys";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { allChecked, ingestBatch } from "@/db/queries/ingest";
import { accounts, activityUserMonths } from "@/db/schema";
import { answerIngest } from "@/lib/http/ingest-answer";
import { authenticated } from "../factories";
import { throwawayCluster } from "./pg-cluster";

const BATCHES = 40;
const SIZE = 500;

export interface KillCycle {
  acknowledged: number;
  presentAfterCrash: number;
  /** Events present after the retries; must be exactly BATCHES × SIZE. */
  final: number;
}

export interface KillReport {
  cycles: KillCycle[];
  /** Cycles where an acknowledged batch was missing after the restart. */
  lost: number;
  /** Cycles whose final count was not exactly once per event. */
  wrong: number;
}

async function post(db: DbHandle["db"], key: ApiKeyIdentity, items: unknown[], idem: string): Promise<number> {
  const request = new Request("http://holdfast.test/api/v1/activity", {
    method: "POST",
    body: JSON.stringify({ items }),
    headers: { "content-type": "application/json", "idempotency-key": idem },
  });
  return (await answerIngest(request, db, "activity", key)).status;
}

const eventsOf = async (db: DbHandle["db"], account: string) =>
  (
    await db
      .select({ n: sum(activityUserMonths.events).mapWith(Number) })
      .from(activityUserMonths)
      .innerJoin(accounts, eq(accounts.id, activityUserMonths.accountId))
      .where(eq(accounts.externalId, account))
  )[0]?.n ?? 0;

/** Null when this machine has no PostgreSQL binaries to make a cluster with. */
export async function runPgKillCycles(
  cycles: number,
  port = 55432,
  log: (line: string) => void = () => {},
): Promise<KillReport | null> {
  const cluster = throwawayCluster(port);
  if (!cluster) return null;
  const report: KillReport = { cycles: [], lost: 0, wrong: 0 };
  let handle: DbHandle | undefined;
  try {
    cluster.start();
    handle = await openPostgres(cluster.url, 2);
    await migrate(handle);
    const made = await createApiKey(
      handle.db,
      { name: "faults", scopes: ["ingest"], rateLimitPerMinute: 1_000_000 },
      SYSTEM_ACTOR,
    );
    const key = await authenticated(handle.db, made.key);
    let seed = 99;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let c = 0; c < cycles; c++) {
      const account = `kill-${c}`;
      await ingestBatch(handle.db, "accounts", allChecked([{ externalId: account, name: account }]), SYSTEM_ACTOR);
      const batches = Array.from({ length: BATCHES }, (_, b) =>
        Array.from({ length: SIZE }, (_, e) => ({
          accountExternalId: account,
          userRef: `u${(b * SIZE + e) % 37}`,
          feature: `f${e % 6}`,
          occurredAt: new Date(Date.UTC(2026, 9, 1 + (e % 28), b % 24)).toISOString(),
        })),
      );
      const acked = new Set<number>();
      let crashed = false;
      const killer = setTimeout(
        () => {
          crashed = true;
          cluster.crash();
        },
        20 + Math.floor(rand() * 400),
      );
      for (const [b, batch] of batches.entries()) {
        if (crashed) break;
        try {
          if ((await post(handle.db, key, batch, `c${c}-b${b}`)) === 200) acked.add(b);
        } catch {
          break; // the server went away mid-batch: that batch was not acknowledged
        }
      }
      clearTimeout(killer);
      if (!crashed) cluster.crash();
      await handle.close().catch(() => {});
      cluster.start();
      handle = await openPostgres(cluster.url, 2);
      const presentAfterCrash = await eventsOf(handle.db, account);
      // Everything acknowledged is there; at most the one batch in flight may be there too.
      if (presentAfterCrash < acked.size * SIZE || presentAfterCrash > (acked.size + 1) * SIZE) report.lost++;
      // The client retries every batch with its key: acknowledged ones replay, the rest are written.
      for (const [b, batch] of batches.entries()) {
        for (;;) {
          const status = await post(handle.db, key, batch, `c${c}-b${b}`);
          if (status === 200) break;
          if (status !== 409) throw new Error(`batch ${b} of cycle ${c} answered ${status}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      const final = await eventsOf(handle.db, account);
      if (final !== BATCHES * SIZE) report.wrong++;
      report.cycles.push({ acknowledged: acked.size, presentAfterCrash, final });
      log(
        `    cycle ${c + 1}: ${acked.size} of ${BATCHES} batches acknowledged before the crash, ${presentAfterCrash / SIZE} present after it; ${final} events after the retries`,
      );
    }
  } finally {
    await handle?.close().catch(() => {});
    cluster.remove();
  }
  return report;
}
