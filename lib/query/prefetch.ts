// Server side of the metrics queries: fills a per-request QueryClient straight from the database,
// under the same keys the browser uses, so pages hydrate without a second round trip.
import "server-only";
import { type QueryClient, dehydrate } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { churnEndpoint, cohortsEndpoint, overviewEndpoint, reasonsEndpoint } from "@/lib/http/metrics-endpoints";
import type { MetricsFilters } from "@/lib/filters";
import { makeQueryClient } from "@/lib/query/client";
import { churnQuery, cohortsQuery, overviewQuery, reasonsQuery } from "@/lib/query/metrics";
import { type MetricsScope, metricsQuerySchema, resolveScope } from "@/lib/validation/metrics";

type Name = "overview" | "churn" | "cohorts" | "reasons";

/** The scope the API would resolve for these filters; invalid filters fall back to the defaults. */
export function scopeOf(filters: MetricsFilters): MetricsScope {
  const parsed = metricsQuerySchema.safeParse(
    Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== null)),
  );
  return resolveScope(parsed.success ? parsed.data : {});
}

export async function prefetchMetrics(filters: MetricsFilters, names: Name[]) {
  const db = await getDb();
  const scope = scopeOf(filters);
  const client: QueryClient = makeQueryClient();
  await Promise.all(
    names.map(async (name) => {
      if (name === "overview")
        client.setQueryData(overviewQuery(filters).queryKey, await overviewEndpoint.report(db, scope));
      if (name === "churn") client.setQueryData(churnQuery(filters).queryKey, await churnEndpoint.report(db, scope));
      if (name === "cohorts")
        client.setQueryData(cohortsQuery(filters).queryKey, await cohortsEndpoint.report(db, scope));
      if (name === "reasons")
        client.setQueryData(reasonsQuery(filters).queryKey, await reasonsEndpoint.report(db, scope));
    }),
  );
  return { state: dehydrate(client), scope };
}
