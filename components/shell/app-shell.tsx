import { IntentLink } from "@/components/ui/intent-link";
import type { SignedInUser } from "@/lib/types/session";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/paths";
import { ROLE_LABEL, hasRole } from "@/lib/values";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { CommandPalette } from "./command-palette";
import { type NavItem, NavLinks } from "./nav-links";

const NAV: (NavItem & { minRole?: "manager" | "admin" })[] = [
  { href: "/overview", label: "Overview" },
  { href: "/cohorts", label: "Cohorts" },
  { href: "/reasons", label: "Reasons" },
  { href: "/at-risk", label: "At risk" },
  { href: "/accounts", label: "Accounts" },
  { href: "/alerts", label: "Alerts", minRole: "manager" },
  { href: "/import", label: "Import", minRole: "manager" },
  { href: "/admin", label: "Admin", minRole: "admin" },
];

export function AppShell({
  user,
  unread,
  children,
}: {
  user: SignedInUser;
  /** Unread notifications when the page was made; the bell keeps it current. */
  unread: number;
  children: React.ReactNode;
}) {
  // With a one-time password pending, nothing but changing it (or signing out) is open.
  const items = user.mustChangePassword ? [] : NAV.filter((item) => !item.minRole || hasRole(user.role, item.minRole));
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="flex w-56 shrink-0 flex-col border-r border-line bg-surface p-4">
        <div className="mb-6 flex items-center justify-between px-3">
          <a href="/overview" className="text-lg font-bold tracking-tight">
            Holdfast
          </a>
          {!user.mustChangePassword && <NotificationBell initialUnread={unread} />}
        </div>
        <NavLinks items={items} />
        {!user.mustChangePassword && (
          <>
            <p className="mt-4 px-3 text-xs text-muted">
              <kbd className="rounded border border-line px-1">Ctrl</kbd>{" "}
              <kbd className="rounded border border-line px-1">K</kbd> to go anywhere
            </p>
            <IntentLink
              href="/docs/metrics"
              className="mt-2 px-3 text-xs text-muted underline underline-offset-2 hover:text-accent"
            >
              How the figures are counted
            </IntentLink>
          </>
        )}
        <div className="mt-auto border-t border-line pt-4 text-sm">
          <p className="font-medium" data-testid="user-name">
            {user.name}
          </p>
          <p className="text-muted" data-testid="user-role">
            {ROLE_LABEL[user.role]}
          </p>
          <a href={CHANGE_PASSWORD_PATH} className="mt-2 block text-accent hover:underline">
            Change password
          </a>
          {!user.mustChangePassword && (
            <IntentLink href="/account/notifications" className="mt-1 block text-accent hover:underline">
              Notification settings
            </IntentLink>
          )}
          <form action={signOutAction} className="mt-3">
            <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-canvas">
              Sign out
            </button>
          </form>
        </div>
      </nav>
      <main className="min-w-0 flex-1 p-8">{children}</main>
      <CommandPalette pages={items.map(({ href, label }) => ({ href, label }))} />
    </div>
  );
}
