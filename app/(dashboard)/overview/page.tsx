import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewFigures } from "@/components/overview/overview-figures";
import { PageHeader } from "@/components/ui/page-header";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requireUser("cs");
  const asOf = new Date();
  return (
    <>
      <PageHeader title="Overview" description={`Customers and recurring revenue as of ${formatDateTime(asOf)}.`} />
      <Suspense fallback={<FiguresSkeleton label="overview figures" />}>
        <OverviewFigures asOf={asOf} />
      </Suspense>
    </>
  );
}
