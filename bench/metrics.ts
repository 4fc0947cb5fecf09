// Read-API benchmark: p50/p95 of the churn, cohorts and reasons endpoints over 30 runs with
// rotating asOf values (so no cache answers), beside the same SQL run raw, with the ratio.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reportStatements } from "@/db/queries/metrics";
import { queryRows } from "@/db/rows";
import { answerMetrics } from "@/lib/http/metrics-answer";
import { churnEndpoint, cohortsEndpoint, reasonsEndpoint } from "@/lib/http/metrics-endpoints";
import { resolveScope } from "@/lib/validation/metrics";
import { ms, timeRuns } from "./stats";

const TABLES = [
  "accounts",
  "subscription_events",
  "activity_user_months",
  "activity_feature_months",
  "signals",
  "cancellation_responses",
  "account_month_facts",
  "metric_month_totals",
  "cohort_month_totals",
  "cohort_bases",
];

export async function printRowCounts(db: Db): Promise<void> {
  for (const table of TABLES) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
    console.log(`  ${table.padEnd(26)} ${String(row?.n ?? 0).padStart(12)} rows`);
  }
  const [events] = await queryRows<{ n: string | number }>(
    db,
    sql`select coalesce(sum(events), 0)::bigint as n from activity_user_months`,
  );
  console.log(`  ${"activity events (rolled up)".padEnd(26)} ${String(events?.n ?? 0).padStart(12)}`);
}

export interface EndpointTiming {
  name: string;
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
}

export async function benchEndpoints(db: Db, anchor: Date, runs = 30): Promise<EndpointTiming[]> {
  const asOfs = Array.from(
    { length: runs },
    (_, i) => new Date(anchor.getTime() - i * 86_400_000 - (i % 7) * 3_600_000),
  );
  const out: EndpointTiming[] = [];
  for (const endpoint of [churnEndpoint, cohortsEndpoint, reasonsEndpoint] as const) {
    const name = endpoint.name as "churn" | "cohorts" | "reasons";
    // One warm-up run each, so connection set-up is not timed.
    await answerMetrics(new Request(`http://bench/x?asOf=${anchor.toISOString()}`), db, endpoint as never);
    const api = await timeRuns(runs, async (i) => {
      const response = await answerMetrics(
        new Request(`http://bench/x?asOf=${asOfs[i]?.toISOString()}`),
        db,
        endpoint as never,
      );
      if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
      await response.text();
    });
    const raw = await timeRuns(runs, async (i) => {
      const scope = resolveScope({ asOf: asOfs[i] });
      await Promise.all(reportStatements(name, scope).map((statement) => db.execute(statement)));
    });
    out.push({ name, p50: api.p50, p95: api.p95, rawP50: raw.p50, rawP95: raw.p95 });
  }
  return out;
}

export function printTimings(timings: EndpointTiming[]): void {
  console.log(
    `  ${"endpoint".padEnd(10)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"raw p50".padStart(10)} ${"raw p95".padStart(10)} ${"p50 ratio".padStart(10)}`,
  );
  for (const t of timings) {
    console.log(
      `  ${t.name.padEnd(10)} ${ms(t.p50)} ${ms(t.p95)} ${ms(t.rawP50)} ${ms(t.rawP95)} ${`${(t.p50 / t.rawP50).toFixed(2)}×`.padStart(10)}`,
    );
  }
}
