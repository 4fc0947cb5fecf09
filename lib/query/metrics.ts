// TanStack Query options for the metrics: one source of keys for the server prefetch and the browser.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type { ChurnData, CohortsData, DrillResult, OverviewData } from "@/lib/types/metrics";
import type { ReasonsWithSessions } from "@/lib/metrics/cancel-measures";
import type { VerbatimsPage } from "@/lib/types/verbatims";
import { type MetricsFilters, filtersToSearch } from "@/lib/filters";

export class ApiError extends Error {}

/** The part of a problem+json answer the widgets show. */
const problemDetail = z.object({ detail: z.string().optional() });

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = problemDetail.safeParse(await response.json().catch(() => null));
    throw new ApiError(body.data?.detail ?? `The server answered ${response.status}.`);
  }
  // Kept cast: Response.json() is untyped, and this is the app's own read API, whose answers the
  // read-API tests hold to zod schemas; those schemas are not yet tied to these types (the drill has
  // none), so parsing here could strip or reject fields the widgets draw today.
  return (await response.json()) as T;
}

export function metricsUrl(
  name: string,
  filters: MetricsFilters,
  extra: Record<string, string | number | undefined> = {},
): string {
  const qs = filtersToSearch(filters, extra);
  return `/api/v1/metrics/${name}${qs ? `?${qs}` : ""}`;
}

const keyOf = (f: MetricsFilters) => ({ from: f.from, to: f.to, segment: f.segment, plan: f.plan });

/** One report of the read API under the filters, keyed by name and filters. */
function reportQuery<T>(name: string, f: MetricsFilters) {
  return queryOptions({
    queryKey: ["metrics", name, keyOf(f)],
    queryFn: () => getJson<T>(metricsUrl(name, f)),
    placeholderData: keepPreviousData,
  });
}

// The overview has no month range: only asOf, segment and plan apply.
export const overviewQuery = (f: MetricsFilters) =>
  reportQuery<OverviewData>("overview", { ...f, from: null, to: null });
export const churnQuery = (f: MetricsFilters) => reportQuery<ChurnData>("churn", f);
export const cohortsQuery = (f: MetricsFilters) => reportQuery<CohortsData>("cohorts", f);
export const reasonsQuery = (f: MetricsFilters) => reportQuery<ReasonsWithSessions>("reasons", f);

/** The reasons report's answers in the customers' words: a category's slug, words to find, a page. */
export interface VerbatimsParams {
  category: string | null;
  q: string | null;
  page: number;
}

export const verbatimsQuery = (f: MetricsFilters, v: VerbatimsParams) =>
  queryOptions({
    queryKey: ["metrics", "verbatims", keyOf(f), v],
    queryFn: () =>
      getJson<VerbatimsPage>(
        metricsUrl("reasons/verbatims", f, {
          category: v.category ?? undefined,
          q: v.q ?? undefined,
          page: v.page > 1 ? v.page : undefined,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const drillQuery = (f: MetricsFilters, drill: Record<string, string | number | undefined>) =>
  queryOptions({
    queryKey: ["metrics", "drill", keyOf(f), drill],
    queryFn: () => getJson<DrillResult>(metricsUrl("drill", f, drill)),
  });
