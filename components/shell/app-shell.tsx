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
    // Below the md breakpoint (phones) the menu sits above the page, its links in rows, so the page
    // keeps the screen's width.
    <div className="flex min-h-screen flex-col md:flex-row">
      <nav
        aria-label="Main"
        className="flex w-full shrink-0 flex-col border-b border-line bg-surface p-3 md:w-56 md:border-r md:border-b-0 md:p-4"
      >
        <div className="mb-2 flex items-center justify-between px-3 md:mb-6">
          <a href="/overview" className="text-lg font-bold tracking-tight">
            Holdfast
          </a>
          {!user.mustChangePassword && <NotificationBell initialUnread={unread} />}
        </div>
        <NavLinks items={items} />
        {!user.mustChangePassword && (
          <>
            <p className="mt-4 hidden px-3 text-xs text-muted md:block">
              <kbd className="rounded border border-line px-1">Ctrl</kbd>{" "}
              <kbd className="rounded border border-line px-1">K</kbd> to go anywhere
            </p>
            <IntentLink
              href="/docs/metrics"
              className="mt-2 hidden px-3 text-xs text-muted underline underline-offset-2 hover:text-accent md:block"
            >
              How the figures are counted
            </IntentLink>
          </>
        )}
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-line px-3 pt-3 text-sm md:mt-auto md:block md:px-0 md:pt-4">
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
      <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
      <CommandPalette pages={items.map(({ href, label }) => ({ href, label }))} />
    </div>
  );
}
