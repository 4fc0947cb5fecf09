"use client";
// The inbox: each notification links to its account or view; unread ones stand out and can be marked
// read one by one or all at once. Opening one marks it read. The bell's count follows.
import { useQueryClient } from "@tanstack/react-query";
import { useFormat } from "@/components/providers/format-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { IntentLink } from "@/components/ui/intent-link";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-read";
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from "@/lib/values";

export interface InboxRow {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  href: string;
  createdAt: string;
  readAt: string | null;
}

/** `unread`: the user's unread count over every page, as the bell counts it. */
export function Inbox({ rows, unread }: { rows: InboxRow[]; unread: number }) {
  const format = useFormat();
  const queries = useQueryClient();
  const { run, busy, message, reload, clear } = useAction();

  async function mark(id: number | "all") {
    const result = await run(
      () => markNotificationsReadAction({ id }),
      (d) => (d.changed === 1 ? "Marked read." : `${d.changed} marked read.`),
    );
    if (result.ok) queries.setQueryData(["notifications", "unread"], result.data.unread);
  }

  /** Opening an unread one marks it read on the way (the page it leads to shows the new count). */
  function opened(id: number) {
    void markNotificationsReadAction({ id }).then((result) => {
      if (result.ok) queries.setQueryData(["notifications", "unread"], result.data.unread);
    });
  }

  if (rows.length === 0 && unread === 0)
    return (
      <EmptyState title="No notifications yet">
        Alert rules, items assigned to you and your accounts crossing the health threshold appear here.
      </EmptyState>
    );
  return (
    <section aria-label="Inbox" className="max-w-3xl">
      <div className="mb-3 flex items-center justify-between gap-3">
        <p className="text-sm text-muted" data-testid="unread-summary">
          {unread === 0 ? "All read." : `${unread} unread`}
        </p>
        <button
          type="button"
          onClick={() => void mark("all")}
          disabled={busy || unread === 0}
          className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-canvas disabled:opacity-50"
        >
          Mark all read
        </button>
      </div>
      <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
        {rows.map((r) => (
          <li
            key={r.id}
            className={`flex items-start gap-3 p-4 ${r.readAt === null ? "bg-accent-soft" : ""}`}
            data-testid="notification"
            data-unread={r.readAt === null ? "true" : "false"}
          >
            <div className="min-w-0 flex-1">
              <p className="text-xs text-muted">
                {NOTIFICATION_KIND_LABEL[r.kind]} · {format.dateTime(r.createdAt)}
              </p>
              <IntentLink
                href={r.href}
                onClick={() => {
                  if (r.readAt === null) opened(r.id);
                }}
                className="font-medium text-accent underline-offset-2 hover:underline"
              >
                {r.title}
              </IntentLink>
              {r.body && <p className="mt-0.5 text-sm">{r.body}</p>}
            </div>
            {r.readAt === null && (
              <button
                type="button"
                onClick={() => void mark(r.id)}
                disabled={busy}
                aria-label={`Mark “${r.title}” read`}
                className="shrink-0 rounded-md border border-line px-2 py-1 text-xs hover:bg-canvas disabled:opacity-50"
              >
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
