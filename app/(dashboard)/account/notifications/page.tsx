import type { Metadata } from "next";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { notificationSettings } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/session";
import { smtpConfigured } from "@/lib/notify/send";
import { hasRole } from "@/lib/values";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser("cs");
  const settings = await notificationSettings(await getDb(), user.id);
  return (
    <>
      <PageHeader
        title="Notification settings"
        description="For each kind: immediately (in the inbox and by e-mail at once), in the daily digest (in the inbox, and in one e-mail at 08:00 in your time zone), or off."
      />
      <NotificationSettingsForm
        email={user.email}
        smtp={smtpConfigured()}
        manager={hasRole(user.role, "manager")}
        initial={settings}
      />
    </>
  );
}
