import type { Metadata } from "next";
import { Inbox } from "@/components/notifications/inbox";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { INBOX_PAGE_SIZE, inbox } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser("cs");
  const rows = await inbox(await getDb(), user.id);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Alerts, assignments and accounts crossing the health threshold, newest first (the latest ${INBOX_PAGE_SIZE}). Choose what reaches you, and how, in notification settings.`}
      />
      <Inbox
        rows={rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
