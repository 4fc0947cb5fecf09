import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Cell, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { getAccountDetail } from "@/db/queries/accounts";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDate, formatDateTime, formatLabel, formatMoney, formatSegment } from "@/lib/format";

type Props = { params: Promise<{ externalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).externalId) };
}

export default async function AccountPage({ params }: Props) {
  await requireUser("cs");
  const externalId = decodeURIComponent((await params).externalId);
  const account = await getAccountDetail(await getDb(), externalId);
  if (!account) notFound();
  const currency = env().CURRENCY;
  const facts: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={account.status} />],
    ["MRR", formatMoney(account.mrrCents, currency)],
    ["Segment", formatSegment(account.segment)],
    ["Plan", account.plan ?? "–"],
    ["Seats paid", account.seatsPaid ?? "–"],
    ["Owner", account.ownerName ?? "Unassigned"],
    ["Domain", account.domain ?? "–"],
    ["Created", formatDate(account.createdAt)],
  ];
  if (account.trialEndsAt) facts.push(["Trial ends", formatDate(account.trialEndsAt)]);
  return (
    <>
      <BackLink href="/accounts" label="Accounts" />
      <PageHeader title={account.name} description={`External id ${account.externalId}`} />
      <dl className="mb-8 grid grid-cols-2 gap-4 rounded-xl border border-line bg-surface p-5 md:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-muted">{label}</dt>
            <dd className="mt-1 font-medium" data-testid={`account-${label.toLowerCase().replace(/\s+/g, "-")}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <h2 className="mb-3 text-lg font-semibold">Subscription history</h2>
      {account.events.length === 0 ? (
        <EmptyState title="No subscription events">This account has no billing history yet.</EmptyState>
      ) : (
        <DataTable caption="Subscription events, newest first" head={["When", "Event", "MRR after", "External id"]}>
          {account.events.map((e) => (
            <tr key={e.seq}>
              <Cell>{formatDateTime(e.occurredAt)}</Cell>
              <Cell>{formatLabel(e.type)}</Cell>
              <Cell className="tabular-nums">{formatMoney(e.mrrAfterCents, currency)}</Cell>
              <Cell className="font-mono text-xs text-muted">{e.externalId ?? "–"}</Cell>
            </tr>
          ))}
        </DataTable>
      )}

      <h2 className="mb-3 mt-8 text-lg font-semibold">Cancellation survey answers</h2>
      {account.responses.length === 0 ? (
        <EmptyState title="No survey answers">This account has never opened the cancellation survey.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {account.responses.map((r) => (
            <li key={r.seq} className="rounded-xl border border-line bg-surface p-4">
              <p className="text-sm text-muted">
                {formatDateTime(r.submittedAt)} · {formatLabel(r.reasonCode)} · filed under {r.category} · offer{" "}
                {formatLabel(r.offerShown)}
                {r.offerAccepted ? " (accepted)" : ""} · outcome {r.outcome}
                {r.competitor ? ` · competitor ${r.competitor}` : ""}
              </p>
              <blockquote className="mt-2">{r.freeText ?? <span className="text-muted">No comment left.</span>}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
