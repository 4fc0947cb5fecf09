import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";

// Every page below also calls requireUser itself: a layout does not guard the page it wraps. The
// shell also frames the change-password page of a user whose one-time password is pending (every
// other page sends them there).
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("cs", { pendingPasswordChange: "allow" });
  return (
    <QueryProvider>
      <AppShell user={user}>{children}</AppShell>
    </QueryProvider>
  );
}
