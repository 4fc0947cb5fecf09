// The frame of every metrics page: the notice of what its URL held that it ignored, the filters and
// the prefetched data for the client widgets (the page loads it: lib/query/prefetch.ts).
import { HydrationBoundary } from "@tanstack/react-query";
import { FilterBar } from "@/components/filters/filter-bar";
import { MetricsNotice } from "@/components/filters/metrics-notice";
import type { MetricsPageData } from "@/lib/types/metrics";

export function MetricsPage({ data, children }: { data: MetricsPageData; children: React.ReactNode }) {
  return (
    <>
      <MetricsNotice reports={data.reports} />
      <FilterBar plans={data.plans} defaultFrom={data.from} defaultTo={data.to} />
      <HydrationBoundary state={data.state}>{children}</HydrationBoundary>
    </>
  );
}
