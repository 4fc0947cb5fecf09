"use client";
// Replay: sends a delivery again now, once, with the same webhook-id and a new signature.
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { replayDeliveryAction } from "@/lib/actions/webhooks/replay-delivery";

export function WebhooksReplayButton({ id }: { id: string }) {
  const { run, busy, message, clear, reload } = useAction();
  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(() => replayDeliveryAction({ id }), "Replay queued: the attempt appears below once it is made.")
        }
        className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {busy ? "Replaying…" : "Replay"}
      </button>
      <ActionNotice message={message} onReload={reload} onDismiss={clear} />
    </div>
  );
}
