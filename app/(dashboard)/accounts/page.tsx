import type { Metadata } from "next";
import { Suspense } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { AccountFilters } from "@/components/tables/accounts/account-filters";
import { AccountTable } from "@/components/tables/accounts/account-table";
import { EmptyState } from "@/components/ui/empty-state";
import { NoData } from "@/components/ui/no-data";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/db/client";
import { listAccounts } from "@/db/queries/accounts";
import type { Role } from "@/lib/values";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getFormat } from "@/lib/locale-server";
import { firstValues } from "@/lib/filters";
import type { AccountListQuery } from "@/lib/types/accounts";
import { accountListSchema } from "@/lib/validation/accounts";
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
          <IntentLink className="text-accent underline" href="/accounts">
            Show every account
          </IntentLink>
        </EmptyState>
      ) : (
        <>
          <AccountTable rows={result.rows} fmt={fmt} currency={currency} />
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
