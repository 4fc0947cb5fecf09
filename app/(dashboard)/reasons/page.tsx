import type { Metadata } from "next";
import { Suspense } from "react";
import { MetricsPage } from "@/components/metrics/metrics-page";
import { ReasonsDashboard } from "@/components/reasons/reasons-dashboard";
import { NoData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import type { Role } from "@/lib/values";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { type MetricsFilters, loadMetricsFilters } from "@/lib/filters";
import { loadMetricsPage } from "@/lib/query/prefetch";

export const metadata: Metadata = { title: "Reasons" };

export default async function ReasonsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("cs");
  const filters = loadMetricsFilters(await searchParams);
  return (
    <>
      <PageHeader title="Reasons" description="Why customers leave, what it costs, and which save offers work." />
      {/* One boundary: the charts and the answers in the customers' words below them arrive together. */}
      <Suspense fallback={<FiguresSkeleton label="reasons" />}>
        <Figures filters={filters} role={user.role} />
      </Suspense>
    </>
  );
}

/** The figures once cancellation answers have arrived; until then, how to send it. */
async function Figures({ filters, role }: { filters: MetricsFilters; role: Role }) {
  const data = await loadMetricsPage(filters, ["reasons"], "cancellations");
  if (!data) return <NoData needs="cancellations" role={role} />;
  return (
    <MetricsPage data={data}>
      <ReasonsDashboard currency={env().CURRENCY} />
    </MetricsPage>
  );
}
