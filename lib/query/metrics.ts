// TanStack Query options for the metrics: one source of keys for the server prefetch and the browser.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { DrillResult } from "@/db/queries/drill";
import type { ChurnMonth } from "@/lib/metrics/churn";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { ReasonsReport } from "@/lib/metrics/reasons";
import { type MetricsFilters, filtersToSearch } from "@/lib/filters";

export interface OverviewData {
  asOf: string;
  customers: number;
  mrrCents: number;
  lastMonth: ChurnMonth | null;
  previousMonth: ChurnMonth | null;
}
export interface ChurnData {
  asOf: string;
  months: ChurnMonth[];
}
export interface CohortsData {
  asOf: string;
  cohorts: Cohort[];
}

export class ApiError extends Error {}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new ApiError(body?.detail ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}

export function metricsUrl(name: string, filters: MetricsFilters, extra: Record<string, string | number | undefined> = {}): string {
  const qs = filtersToSearch(filters, extra);
  return `/api/v1/metrics/${name}${qs ? `?${qs}` : ""}`;
}

const keyOf = (f: MetricsFilters) => ({ from: f.from, to: f.to, segment: f.segment, plan: f.plan });

export const overviewQuery = (f: MetricsFilters) =>
  queryOptions({
    queryKey: ["metrics", "overview", keyOf({ ...f, from: null, to: null })],
    queryFn: () => getJson<OverviewData>(metricsUrl("overview", { ...f, from: null, to: null })),
    placeholderData: keepPreviousData,
  });

export const churnQuery = (f: MetricsFilters) =>
  queryOptions({
    queryKey: ["metrics", "churn", keyOf(f)],
    queryFn: () => getJson<ChurnData>(metricsUrl("churn", f)),
    placeholderData: keepPreviousData,
  });

export const cohortsQuery = (f: MetricsFilters) =>
  queryOptions({
    queryKey: ["metrics", "cohorts", keyOf(f)],
    queryFn: () => getJson<CohortsData>(metricsUrl("cohorts", f)),
    placeholderData: keepPreviousData,
  });

export const reasonsQuery = (f: MetricsFilters) =>
  queryOptions({
    queryKey: ["metrics", "reasons", keyOf(f)],
    queryFn: () => getJson<ReasonsReport>(metricsUrl("reasons", f)),
    placeholderData: keepPreviousData,
  });

export const drillQuery = (f: MetricsFilters, drill: Record<string, string | number | undefined>) =>
  queryOptions({
    queryKey: ["metrics", "drill", keyOf(f), drill],
    queryFn: () => getJson<DrillResult>(metricsUrl("drill", f, drill)),
  });
