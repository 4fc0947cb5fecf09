import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { AdoptTimeZone } from "@/components/notifications/adopt-time-zone";
import { getDb } from "@/db/client";
import { timeZoneOf, unreadCount } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/session";

// Every page below also calls requireUser itself: a layout does not guard the page it wraps. The
// shell also frames the change-password page of a user whose one-time password is pending (every
// other page sends them there).
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("cs", { pendingPasswordChange: "allow" });
  const db = await getDb();
  const [unread, zone] = await Promise.all([unreadCount(db, user.id), timeZoneOf(db, user.id)]);
  return (
    <QueryProvider>
      <AppShell user={user} unread={unread}>
        {children}
      </AppShell>
      {!user.mustChangePassword && <AdoptTimeZone needed={zone === null} />}
    </QueryProvider>
  );
}
