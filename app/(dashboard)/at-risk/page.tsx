import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { PageHeader } from "@/components/ui/page-header";
import { QueueView } from "@/components/triage/queue-view";
import { getDb } from "@/db/client";
import { getHealthSettings } from "@/db/queries/health-settings";
import { assignableUsers } from "@/db/queries/triage-items";
import { QUEUE_PAGE_SIZE, listQueue } from "@/db/queries/triage-queue";
import { hasRole } from "@/lib/values";
import { requireUser } from "@/lib/auth/session";
import { NoData } from "@/components/ui/no-data";
import { dataPresence } from "@/db/queries/presence";
import { env } from "@/lib/env";
import { loadQueueFilters } from "@/lib/filters";
import { searchNotices } from "@/lib/validation/params";
import { queueFiltersSchema } from "@/lib/validation/triage";
import { ParamNotice } from "@/components/ui/param-notice";

export const metadata: Metadata = { title: "At risk" };

export default async function AtRiskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("cs");
  const search = await searchParams;
  const filters = queueFiltersSchema.parse(loadQueueFilters(search));
  const db = await getDb();
  const [queue, users, settings] = await Promise.all([
    listQueue(db, user, filters, new Date()),
    assignableUsers(db),
    getHealthSettings(db),
  ]);
  // Only an empty queue asks whether any account has arrived at all.
  const noAccounts = queue.rows.length === 0 && !(await dataPresence(db)).accounts;
  return (
    <>
      <PageHeader
        title="At risk"
        description={`Customers whose health fell below ${settings.threshold}, and trials about to end. Work it top to bottom: take an item, reach out, log what happened and when to follow up.`}
      />
      <ParamNotice notices={searchNotices(queueFiltersSchema, search)} />
      {!noAccounts ? (
        <QueueView
          rows={queue.rows}
          counts={queue.counts}
          total={queue.total}
          pageSize={QUEUE_PAGE_SIZE}
          me={{ id: user.id, name: user.name, canAssignAnyone: hasRole(user.role, "manager") }}
          users={users}
          threshold={settings.threshold}
          currency={env().CURRENCY}
        />
      ) : (
        <NoData needs="accounts" role={user.role} />
      )}
    </>
  );
}
