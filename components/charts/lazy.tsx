"use client";
// The charts as pages use them: each chart's code (recharts, ~140 kB gzip) is fetched only when a
// chart is drawn, after the page has hydrated, so filters, figures and tables are usable first.
// Each placeholder has the chart's own height: nothing shifts when it arrives.
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

const placeholder = (height: string) =>
  function ChartPlaceholder() {
    return <Skeleton className={height} />;
  };

export const MrrMovementsChart = dynamic(() => import("./mrr-movements-chart").then((m) => m.MrrMovementsChart), {
  ssr: false,
  loading: placeholder("h-72"),
});

export const RetentionCurvesChart = dynamic(() => import("./retention-curves-chart").then((m) => m.RetentionCurvesChart), {
  ssr: false,
  loading: placeholder("h-80"),
});

export const ReasonsByMonthChart = dynamic(() => import("./reasons-by-month-chart").then((m) => m.ReasonsByMonthChart), {
  ssr: false,
  loading: placeholder("h-80"),
});

export const SaveRateChart = dynamic(() => import("./save-rate-chart").then((m) => m.SaveRateChart), {
  ssr: false,
  loading: placeholder("h-64"),
});
