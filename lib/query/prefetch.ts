// Server side of the metrics queries: fills a per-request QueryClient straight from the database,
// under the same keys the browser uses, so pages hydrate without a second round trip.
import "server-only";
import { type QueryClient, dehydrate } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { cohortReport } from "@/db/queries/cohort-report";
import { churnReport, overviewReport } from "@/db/queries/metrics";
import { reasonsReportFor } from "@/db/queries/reasons-report";
import { listPlans } from "@/db/queries/plans";
import { dataPresence } from "@/db/queries/presence";
import type { MetricsFilters } from "@/lib/filters";
import { resolveScope } from "@/lib/metrics/scope";
import { makeQueryClient } from "@/lib/query/client";
import { churnQuery, cohortsQuery, overviewQuery, reasonsQuery } from "@/lib/query/metrics";
import type { DataPresence, MetricsPageData, MetricsReportName, MetricsScope } from "@/lib/types/metrics";
import { metricsQuerySchema } from "@/lib/validation/metrics";

/** The scope the API would resolve for these filters; invalid filters fall back to the defaults. */
export function scopeOf(filters: MetricsFilters): MetricsScope {
  const parsed = metricsQuerySchema.safeParse(
    Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== null)),
  );
  return resolveScope(parsed.success ? parsed.data : {});
}

export async function prefetchMetrics(filters: MetricsFilters, names: MetricsReportName[]) {
  const db = await getDb();
  const scope = scopeOf(filters);
  const client: QueryClient = makeQueryClient();
  await Promise.all(
    names.map(async (name) => {
      if (name === "overview") client.setQueryData(overviewQuery(filters).queryKey, await overviewReport(db, scope));
      if (name === "churn") client.setQueryData(churnQuery(filters).queryKey, await churnReport(db, scope));
      if (name === "cohorts") client.setQueryData(cohortsQuery(filters).queryKey, await cohortReport(db, scope));
      if (name === "reasons") client.setQueryData(reasonsQuery(filters).queryKey, await reasonsReportFor(db, scope));
    }),
  );
  return { state: dehydrate(client), scope };
}

/**
 * What a metrics page shows once the data it needs has arrived: its reports prefetched and the plans
 * to filter by. `null` while no data of that kind has arrived (the page shows how to send it).
 */
export async function loadMetricsPage(
  filters: MetricsFilters,
  reports: MetricsReportName[],
  needs: keyof DataPresence,
): Promise<MetricsPageData | null> {
  const db = await getDb();
  if (!(await dataPresence(db))[needs]) return null;
  const [{ state, scope }, plans] = await Promise.all([prefetchMetrics(filters, reports), listPlans(db)]);
  return { state, from: scope.from, to: scope.to, plans, reports };
}
