"use client";
// The notice of a metrics page, read from the URL as it is now: the filters and charts change it
// in the browser without a server round trip, and a value fixed there takes its notice away.
import { useSearchParams } from "next/navigation";
import { ParamNotice } from "@/components/ui/param-notice";
import { metricsNotices } from "@/lib/filters";

export function MetricsNotice({ reports }: { reports: readonly string[] }) {
  const search = useSearchParams();
  return <ParamNotice notices={metricsNotices(new URLSearchParams(search.toString()), reports)} />;
}
