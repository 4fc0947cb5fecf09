// Read-API benchmark: p50/p95 of the churn, cohorts and reasons endpoints over 30 runs with
// rotating asOf values (so no cache answers), beside the same SQL run raw, with the ratio.
import { type SQLWrapper, count, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { cohortQueries } from "@/db/queries/cohort-report";
import { monthTotalsQuery } from "@/db/queries/metrics";
import { reasonQueries } from "@/db/queries/reasons-report";
import {
  accountMonthFacts,
  accounts,
  activityFeatureMonths,
  activityUserMonths,
  cancellationResponses,
  cohortBases,
  cohortMonthTotals,
  metricMonthTotals,
  signals,
  subscriptionEvents,
} from "@/db/schema";
import { type MetricsEndpoint, answerMetrics } from "@/lib/http/metrics-answer";
import { churnEndpoint, cohortsEndpoint, reasonsEndpoint } from "@/lib/http/metrics-endpoints";
import { lastCompleteMonth } from "@/lib/metrics/months";
import { resolveScope } from "@/lib/metrics/scope";
import type { MetricsScope } from "@/lib/types/metrics";
import { ms, timeRuns } from "./stats";

const TABLES: PgTable[] = [
  accounts,
  subscriptionEvents,
  activityUserMonths,
  activityFeatureMonths,
  signals,
  cancellationResponses,
  accountMonthFacts,
  metricMonthTotals,
  cohortMonthTotals,
  cohortBases,
];

export async function printRowCounts(db: Db): Promise<void> {
  for (const table of TABLES) {
    const [row] = await db.select({ n: count() }).from(table);
    console.log(`  ${getTableName(table).padEnd(26)} ${String(row?.n ?? 0).padStart(12)} rows`);
  }
  const [events] = await db
    .select({ n: sql<number>`coalesce(sum(${activityUserMonths.events}), 0)`.mapWith(Number) })
    .from(activityUserMonths);
  console.log(`  ${"activity events (rolled up)".padEnd(26)} ${String(events?.n ?? 0).padStart(12)}`);
}

/** The SQL statements behind each report, unrun: timed raw beside the endpoint. */
const STATEMENTS: Record<"churn" | "cohorts" | "reasons", (db: Db, scope: MetricsScope) => SQLWrapper[]> = {
  churn: (db, scope) => [monthTotalsQuery(db, lastCompleteMonth(scope.asOf), scope)],
  cohorts: (db, scope) => {
    const q = cohortQueries(db, scope);
    return [q.bases, q.deltas, ...(q.open ? [q.open] : [])];
  },
  reasons: (db, scope) => {
    const q = reasonQueries(db, scope);
    return [q.version, q.categories, q.groups];
  },
};

export interface EndpointTiming {
  name: string;
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
}

async function benchEndpoint<R>(
  db: Db,
  endpoint: MetricsEndpoint<R>,
  statements: (db: Db, scope: MetricsScope) => SQLWrapper[],
  anchor: Date,
  asOfs: Date[],
): Promise<EndpointTiming> {
  const runs = asOfs.length;
  // One warm-up run each, so connection set-up is not timed.
  await answerMetrics(new Request(`http://bench/x?asOf=${anchor.toISOString()}`), db, endpoint);
  const api = await timeRuns(runs, async (i) => {
    const response = await answerMetrics(new Request(`http://bench/x?asOf=${asOfs[i]?.toISOString()}`), db, endpoint);
    if (response.status !== 200) throw new Error(`${endpoint.name} answered ${response.status}`);
    await response.text();
  });
  const raw = await timeRuns(runs, async (i) => {
    const scope = resolveScope({ asOf: asOfs[i] });
    await Promise.all(statements(db, scope).map((statement) => db.execute(statement.getSQL())));
  });
  return { name: endpoint.name, p50: api.p50, p95: api.p95, rawP50: raw.p50, rawP95: raw.p95 };
}

export async function benchEndpoints(db: Db, anchor: Date, runs = 30): Promise<EndpointTiming[]> {
  const asOfs = Array.from(
    { length: runs },
    (_, i) => new Date(anchor.getTime() - i * 86_400_000 - (i % 7) * 3_600_000),
  );
  return [
    await benchEndpoint(db, churnEndpoint, STATEMENTS.churn, anchor, asOfs),
    await benchEndpoint(db, cohortsEndpoint, STATEMENTS.cohorts, anchor, asOfs),
    await benchEndpoint(db, reasonsEndpoint, STATEMENTS.reasons, anchor, asOfs),
  ];
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
