// The frame of every metrics page: the notice of what its URL held that it ignored, the filters and
// the prefetched data for the client widgets.
import { HydrationBoundary } from "@tanstack/react-query";
import { FilterBar } from "@/components/filters/filter-bar";
import { MetricsNotice } from "@/components/filters/metrics-notice";
import { getDb } from "@/db/client";
import { listPlans } from "@/db/queries/plans";
import type { MetricsFilters } from "@/lib/filters";
import { prefetchMetrics } from "@/lib/query/prefetch";

export async function MetricsPage({
  filters,
  prefetch,
  children,
}: {
  filters: MetricsFilters;
  prefetch: Parameters<typeof prefetchMetrics>[1];
  children: React.ReactNode;
}) {
  const [{ state, scope }, plans] = await Promise.all([prefetchMetrics(filters, prefetch), getDb().then(listPlans)]);
  return (
    <>
      <MetricsNotice reports={prefetch} />
      <FilterBar plans={plans} defaultFrom={scope.from} defaultTo={scope.to} />
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </>
  );
}
