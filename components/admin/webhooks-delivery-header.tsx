"use client";
// The open delivery's header: its title takes focus when the delivery opens (so Replay is one Tab
// away), Replay sends it again now, once, with the same webhook-id and a new signature, and the
// notice appears under the header row (which does not move) and takes focus.
import { IntentLink } from "@/components/ui/intent-link";
import { useEffect, useRef } from "react";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { replayDeliveryAction } from "@/lib/actions/webhooks/replay-delivery";

export function WebhooksDeliveryHeader({
  id,
  title,
  meta,
  closeHref,
}: {
  id: string;
  title: React.ReactNode;
  meta: React.ReactNode;
  closeHref: string;
}) {
  const { run, busy, message, clear, reload } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  const replayed = useRef(false);
  // Opened (or another delivery opened): focus moves into the panel. A refresh of the log keeps it.
  useEffect(() => {
    heading.current?.focus();
  }, [id]);
  useEffect(() => {
    if (message && replayed.current) notice.current?.focus();
    replayed.current = false;
  }, [message]);

  return (
    <>
      <div className="mb-3 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 ref={heading} tabIndex={-1} className="rounded font-semibold" data-testid="delivery-title">
            {title}
          </h3>
          {meta}
        </div>
        <div className="flex shrink-0 items-center gap-3">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              replayed.current = true;
              void run(() => replayDeliveryAction({ id }), "Replay queued: the attempt appears below once it is made.");
            }}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
          >
            {busy ? "Replaying…" : "Replay"}
          </button>
          <IntentLink href={closeHref} className="px-2 py-1.5 text-sm text-accent">
            Close
          </IntentLink>
        </div>
      </div>
      <div ref={notice} tabIndex={-1} className="rounded-lg" data-testid="replay-notice">
        <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      </div>
    </>
  );
}
