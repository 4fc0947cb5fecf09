import type { Metadata } from "next";
import { Suspense } from "react";
import { CohortsDashboard } from "@/components/cohorts/cohorts-dashboard";
import { MetricsPage } from "@/components/metrics/metrics-page";
import { NoData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import type { Role } from "@/lib/values";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { type MetricsFilters, loadMetricsFilters } from "@/lib/filters";
import { loadMetricsPage } from "@/lib/query/prefetch";

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
        <Figures filters={filters} role={user.role} />
      </Suspense>
    </>
  );
}

/** The figures once subscription data has arrived; until then, how to send it. */
async function Figures({ filters, role }: { filters: MetricsFilters; role: Role }) {
  const data = await loadMetricsPage(filters, ["cohorts"], "subscriptions");
  if (!data) return <NoData needs="subscriptions" role={role} />;
  return (
    <MetricsPage data={data}>
      <CohortsDashboard currency={env().CURRENCY} />
    </MetricsPage>
  );
}
