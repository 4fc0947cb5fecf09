"use client";
// The charts as pages use them: each chart's code (recharts, ~140 kB gzip) is fetched only when a
// chart is drawn, after the page has hydrated, so filters, figures and tables are usable first.
// Each placeholder has the chart's own height: nothing shifts when it arrives.
import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import { Skeleton } from "@/components/ui/skeleton";

function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>, height: string) {
  return dynamic(load, {
    ssr: false,
    loading: function ChartPlaceholder() {
      return <Skeleton className={height} />;
    },
  });
}

export const MrrMovementsChart = lazyChart(
  () => import("./mrr-movements-chart").then((m) => m.MrrMovementsChart),
  "h-72",
);
export const RetentionCurvesChart = lazyChart(
  () => import("./retention-curves-chart").then((m) => m.RetentionCurvesChart),
  "h-80",
);
export const ReasonsByMonthChart = lazyChart(
  () => import("./reasons-by-month-chart").then((m) => m.ReasonsByMonthChart),
  "h-80",
);
export const SaveRateChart = lazyChart(() => import("./save-rate-chart").then((m) => m.SaveRateChart), "h-64");
