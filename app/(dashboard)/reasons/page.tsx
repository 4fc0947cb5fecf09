import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { latestResponses } from "@/db/queries/reasons";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatLabel } from "@/lib/format";

export const metadata: Metadata = { title: "Reasons" };

export default async function ReasonsPage() {
  await requireUser("cs");
  return (
    <>
      <PageHeader title="Reasons" description="What customers said when they opened the cancellation survey, newest first." />
      <Suspense fallback={<TableSkeleton label="survey answers" />}>
        <LatestAnswers />
      </Suspense>
    </>
  );
}

async function LatestAnswers() {
  const responses = await latestResponses(await getDb(), 30);
  return (
    <>
      {responses.length === 0 ? (
        <EmptyState title="No survey answers yet">
          Answers arrive through POST /api/v1/cancellations or Stripe’s cancellation feedback.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {responses.map((r) => (
            <li key={`${r.accountId}-${r.seq}`} className="rounded-xl border border-line bg-surface p-4">
              <p className="text-sm text-muted">
                <Link href={`/accounts/${encodeURIComponent(r.accountExternalId)}`} className="font-medium text-accent hover:underline">
                  {r.accountName}
                </Link>{" "}
                · {formatDate(r.submittedAt)} · {r.category} ({formatLabel(r.reasonCode)}) · offer {formatLabel(r.offerShown)} ·{" "}
                {r.outcome}
              </p>
              <blockquote className="mt-2">{r.freeText ?? <span className="text-muted">No comment left.</span>}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
