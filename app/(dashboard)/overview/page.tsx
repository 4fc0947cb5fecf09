import type { Metadata } from "next";
import { Suspense } from "react";
import { MetricsPage } from "@/components/metrics/metrics-page";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { WhenData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { loadMetricsFilters } from "@/lib/filters";

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
        <WhenData needs="subscriptions" role={user.role}>
          <MetricsPage filters={filters} prefetch={["overview", "churn"]}>
            <OverviewDashboard currency={env().CURRENCY} />
          </MetricsPage>
        </WhenData>
      </Suspense>
    </>
  );
}
