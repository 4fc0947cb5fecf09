import type { Metadata } from "next";
import { Suspense } from "react";
import { CohortsDashboard } from "@/components/cohorts/cohorts-dashboard";
import { MetricsPage } from "@/components/metrics/metrics-page";
import { WhenData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { loadMetricsFilters } from "@/lib/filters";

export const metadata: Metadata = { title: "Cohorts" };

export default async function CohortsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("cs");
  const filters = loadMetricsFilters(await searchParams);
  return (
    <>
      <PageHeader
        title="Cohorts"
        description="Accounts grouped by the month of their first conversion, and how many stay."
      />
      <Suspense fallback={<FiguresSkeleton label="cohorts" />}>
        <WhenData needs="subscriptions" role={user.role}>
          <MetricsPage filters={filters} prefetch={["cohorts"]}>
            <CohortsDashboard currency={env().CURRENCY} />
          </MetricsPage>
        </WhenData>
      </Suspense>
    </>
  );
}
