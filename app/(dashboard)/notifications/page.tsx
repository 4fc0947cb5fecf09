import type { Metadata } from "next";
import { Inbox } from "@/components/notifications/inbox";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { ParamNotice } from "@/components/ui/param-notice";
import { getDb } from "@/db/client";
import { INBOX_PAGE_SIZE, inbox, inboxCounts } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/session";
import { firstValues } from "@/lib/filters";
import { inboxParamsSchema } from "@/lib/validation/notifications";
import { searchNotices } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireUser("cs");
  const search = await searchParams;
  const { page } = inboxParamsSchema.parse(firstValues(search));
  const db = await getDb();
  const [rows, counts] = await Promise.all([inbox(db, user.id, page), inboxCounts(db, user.id)]);
  const pages = Math.max(1, Math.ceil(counts.total / INBOX_PAGE_SIZE));
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Alerts, assignments and accounts crossing the health threshold, newest first, ${INBOX_PAGE_SIZE} to a page. Choose what reaches you, and how, in notification settings.`}
      />
      <ParamNotice notices={searchNotices(inboxParamsSchema, search)} />
      <Inbox
        unread={counts.unread}
        rows={rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        }))}
      />
      {pages > 1 && <Pager page={Math.min(page, pages)} pages={pages} params={{}} />}
    </>
  );
}
