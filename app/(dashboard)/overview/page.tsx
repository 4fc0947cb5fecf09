import type { Metadata } from "next";
import { Suspense } from "react";
import { MetricsPage } from "@/components/metrics/metrics-page";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { NoData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import type { Role } from "@/lib/values";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { type MetricsFilters, loadMetricsFilters } from "@/lib/filters";
import { loadMetricsPage } from "@/lib/query/prefetch";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("cs");
  const filters = loadMetricsFilters(await searchParams);
  return (
    <>
      <PageHeader
        title="Overview"
        description="Customers and MRR now; churn, retention and MRR movements month by month."
      />
      <Suspense fallback={<FiguresSkeleton label="overview figures" />}>
        <Figures filters={filters} role={user.role} />
      </Suspense>
    </>
  );
}

/** The figures once subscription data has arrived; until then, how to send it. */
async function Figures({ filters, role }: { filters: MetricsFilters; role: Role }) {
  const data = await loadMetricsPage(filters, ["overview", "churn"], "subscriptions");
  if (!data) return <NoData needs="subscriptions" role={role} />;
  return (
    <MetricsPage data={data}>
      <OverviewDashboard currency={env().CURRENCY} />
    </MetricsPage>
  );
}
