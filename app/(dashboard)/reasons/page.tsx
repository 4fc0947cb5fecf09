import type { Metadata } from "next";
import { Suspense } from "react";
import { MetricsPage } from "@/components/metrics/metrics-page";
import { ReasonsDashboard } from "@/components/reasons/reasons-dashboard";
import { WhenData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { loadMetricsFilters } from "@/lib/filters";

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
        <WhenData needs="cancellations" role={user.role}>
          <MetricsPage filters={filters} prefetch={["reasons"]}>
            <ReasonsDashboard currency={env().CURRENCY} />
          </MetricsPage>
        </WhenData>
      </Suspense>
    </>
  );
}
