import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { Cell, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { trialsEndingSoon } from "@/db/queries/trials";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatSegment } from "@/lib/format";

export const metadata: Metadata = { title: "At risk" };

export default async function AtRiskPage() {
  await requireUser("cs");
  return (
    <>
      <PageHeader title="At risk" description="Trials that have not converted and end within a week, or ended in the last week." />
      <Suspense fallback={<TableSkeleton label="trials ending soon" />}>
        <TrialsEnding />
      </Suspense>
    </>
  );
}

async function TrialsEnding() {
  const now = new Date();
  const trials = await trialsEndingSoon(await getDb(), now);
  return (
    <>
      {trials.length === 0 ? (
        <EmptyState title="No trials ending this week">Trials appear here seven days before their end date.</EmptyState>
      ) : (
        <DataTable caption="Trials ending soon" head={["Account", "Segment", "Plan", "Seats", "Trial ends", "Owner"]}>
          {trials.map((t) => (
            <tr key={t.externalId}>
              <Cell>
                <Link href={`/accounts/${encodeURIComponent(t.externalId)}`} className="font-medium text-accent hover:underline">
                  {t.name}
                </Link>
              </Cell>
              <Cell>{formatSegment(t.segment)}</Cell>
              <Cell>{t.plan ?? "–"}</Cell>
              <Cell className="tabular-nums">{t.seatsPaid ?? "–"}</Cell>
              <Cell>
                {t.trialEndsAt ? formatDate(t.trialEndsAt) : "–"}
                {t.trialEndsAt && t.trialEndsAt < now ? <span className="ml-2 text-xs text-bad">ended</span> : null}
              </Cell>
              <Cell>{t.ownerName ?? <span className="text-muted">Unassigned</span>}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
