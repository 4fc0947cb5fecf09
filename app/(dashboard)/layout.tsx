import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";

// Every page below also calls requireUser itself: a layout does not guard the page it wraps.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("cs");
  return (
    <QueryProvider>
      <AppShell user={user}>{children}</AppShell>
    </QueryProvider>
  );
}
