import type { Metadata } from "next";
import { Suspense } from "react";
import { Cell, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { cohortSizes } from "@/db/queries/cohorts";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatMoney, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Cohorts" };

export default async function CohortsPage() {
  await requireUser("cs");
  return (
    <>
      <PageHeader
        title="Cohorts"
        description="Accounts grouped by the month of their first conversion, with the MRR they converted at. Retention by age is drawn from these cohorts."
      />
      <Suspense fallback={<TableSkeleton label="cohorts" />}>
        <CohortTable />
      </Suspense>
    </>
  );
}

async function CohortTable() {
  const cohorts = await cohortSizes(await getDb(), new Date());
  const currency = env().CURRENCY;
  return (
    <>
      {cohorts.length === 0 ? (
        <EmptyState title="No cohorts yet">A cohort starts with an account’s first converted event.</EmptyState>
      ) : (
        <DataTable caption="Cohort sizes" head={["Cohort", "Accounts", "Base MRR"]}>
          {cohorts.map((c) => (
            <tr key={c.cohort}>
              <Cell className="font-mono">{c.cohort}</Cell>
              <Cell className="tabular-nums">{formatNumber(c.size)}</Cell>
              <Cell className="tabular-nums">{formatMoney(c.baseMrrCents, currency)}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
