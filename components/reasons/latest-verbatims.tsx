// The latest cancellation answers as customers wrote them, each linking to its account.
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db/client";
import { latestResponses } from "@/db/queries/reasons";
import { formatLabel } from "@/lib/format";
import { getFormat } from "@/lib/locale-server";

export async function LatestVerbatims() {
  const [responses, fmt] = await Promise.all([latestResponses(await getDb(), 15), getFormat()]);
  return (
    <Panel title="Latest answers" description="Newest first, in the customers’ own words.">
      {responses.length === 0 ? (
        <EmptyState title="No answers yet" />
      ) : (
        <ul className="divide-y divide-line">
          {responses.map((r) => (
            <li key={`${r.accountId}-${r.seq}`} className="py-3">
              <p className="text-xs text-muted">
                <Link
                  href={`/accounts/${encodeURIComponent(r.accountExternalId)}`}
                  className="font-medium text-accent hover:underline"
                >
                  {r.accountName}
                </Link>{" "}
                · {fmt.date(r.submittedAt)} · {r.category} ({formatLabel(r.reasonCode)}) · offer{" "}
                {formatLabel(r.offerShown)} · {r.outcome}
              </p>
              <blockquote className="mt-1 text-sm">
                {r.freeText ?? <span className="text-muted">No comment left.</span>}
              </blockquote>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
