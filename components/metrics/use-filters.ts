"use client";
// The metrics filters and the open drill-through, read from and written to the URL.
import { useMemo } from "react";
import { useQueryState, useQueryStates } from "nuqs";
import { metricsFilterParsers, parseAsDrill, settleRange } from "@/lib/filters";

/** The filters as the page draws them: the range settled as on the server (a reversed one swapped). */
export function useMetricsFilters() {
  const [raw, setFilters] = useQueryStates(metricsFilterParsers);
  const filters = useMemo(() => settleRange(raw).filters, [raw]);
  return [filters, setFilters] as const;
}

/** `figure:month`, `cohort:YYYY-MM:age` or `reasons:category[:month]`; null when closed. */
export function useDrill() {
  return useQueryState("drill", parseAsDrill);
}

export function drillParams(drill: string): Record<string, string> {
  const [figure = "", a = "", b] = drill.split(":");
  if (figure === "cohort") return { figure, cohort: a, age: b ?? "0" };
  if (figure === "reasons") return b ? { figure, category: a, month: b } : { figure, category: a };
  if (figure === "sessions") return { figure, status: a };
  if (figure === "variant") return { figure, flowVersionId: a, variant: b ?? "A" };
  if (figure === "watchlist") return { figure };
  return { figure, month: a };
}
