"use client";
// The bell on every page: the unread count, polled every 30 s and on focus, leading to the inbox.
import { useQuery } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";

const POLL_MS = 30_000;

async function fetchUnread(): Promise<number> {
  const response = await fetch("/api/notifications", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`unread count: ${response.status}`);
  const body: unknown = await response.json();
  return typeof body === "object" && body !== null && "unread" in body && typeof body.unread === "number"
    ? body.unread
    : 0;
}

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { data: unread = initialUnread } = useQuery({
    queryKey: ["notifications", "unread"],
    queryFn: fetchUnread,
    initialData: initialUnread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <IntentLink
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-canvas hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread > 0 && (
        <span
          data-testid="notification-count"
          className="absolute -top-1 -right-1 min-w-5 rounded-full bg-accent px-1 text-center text-xs leading-5 font-semibold text-accent-ink"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </IntentLink>
  );
}
