import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { AccountFilters } from "@/components/tables/accounts/account-filters";
import { Cell, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { NoData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Pager } from "@/components/ui/pager";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { listAccounts } from "@/db/queries/accounts";
import type { Role } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatSegment } from "@/lib/format";
import { getFormat } from "@/lib/locale-server";
import { firstValues } from "@/lib/filters";
import { type AccountListQuery, accountListSchema } from "@/lib/validation/accounts";
import { searchNotices } from "@/lib/validation/params";
import { ParamNotice } from "@/components/ui/param-notice";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireUser("cs");
  const search = await searchParams;
  // A repeated key reads as its first value, as the filters in the browser read it.
  const query = accountListSchema.parse(firstValues(search));
  return (
    <>
      <PageHeader
        title="Accounts"
        description="Every account, highest MRR first. Search by name, domain or external id."
      />
      <ParamNotice notices={searchNotices(accountListSchema, search)} />
      <AccountFilters />
      <Suspense fallback={<TableSkeleton label="accounts" />}>
        <AccountResults query={query} role={user.role} />
      </Suspense>
    </>
  );
}

async function AccountResults({ query, role }: { query: AccountListQuery; role: Role }) {
  const fmt = await getFormat();
  const result = await listAccounts(await getDb(), query);
  const currency = env().CURRENCY;
  return (
    <>
      <p className="mb-2 text-sm text-muted" role="status">
        {fmt.number(result.total)} {result.total === 1 ? "account matches" : "accounts match"}
      </p>
      {result.rows.length === 0 && !(query.q || query.segment || query.status) && result.total === 0 ? (
        <NoData needs="accounts" role={role} />
      ) : result.rows.length === 0 ? (
        <EmptyState title="No account matches these filters">
          Clear the search or pick another segment or status.{" "}
          <Link className="text-accent underline" href="/accounts">
            Show every account
          </Link>
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Accounts" head={["Account", "External id", "Segment", "Plan", "Status", "MRR", "Owner"]}>
            {result.rows.map((a) => (
              <tr key={a.id} className="hover:bg-canvas/60">
                <Cell>
                  <Link
                    href={`/accounts/${encodeURIComponent(a.externalId)}`}
                    className="font-medium text-accent hover:underline"
                  >
                    {a.name}
                  </Link>
                  {a.domain && <div className="text-xs text-muted">{a.domain}</div>}
                </Cell>
                <Cell className="font-mono text-xs">{a.externalId}</Cell>
                <Cell>{formatSegment(a.segment)}</Cell>
                <Cell>{a.plan ?? "–"}</Cell>
                <Cell>
                  <StatusBadge status={a.status} />
                </Cell>
                <Cell className="tabular-nums">{fmt.money(a.mrrCents, currency)}</Cell>
                <Cell>{a.ownerName ?? <span className="text-muted">Unassigned</span>}</Cell>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={result.page}
            pages={result.pages}
            params={{ q: query.q, segment: query.segment, status: query.status }}
          />
        </>
      )}
    </>
  );
}
