"use client";
// Runs a server action and keeps the page honest about it: success refreshes the server data,
// a 409 says who changed the item and offers a reload, anything else shows the server's words.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

export type ActionMessage = { tone: "ok" | "error" | "conflict"; text: string; undo?: () => void };

export function useAction() {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  /**
   * `success` is the notice on success, or words it from the answer (what a write did may be known
   * only then). `undo`, given the answer, returns what reverses the change; the notice then offers Undo.
   * `refresh` says, once the write succeeded, whether to refresh the server data now (a caller with
   * more writes queued refreshes once, after the last).
   */
  async function run<T>(
    call: () => Promise<ActionResult<T>>,
    success: string | ((data: T) => string),
    undo?: (data: T) => () => void,
    refresh: () => boolean = () => true,
  ): Promise<ActionResult<T>> {
    setBusy(true);
    try {
      const result = await call();
      if (result.ok) {
        const text = typeof success === "string" ? success : success(result.data);
        setMessage({ tone: "ok", text, undo: undo?.(result.data) });
        if (refresh()) startTransition(() => router.refresh());
      } else {
        setMessage({ tone: result.status === 409 ? "conflict" : "error", text: result.error });
      }
      return result;
    } catch {
      const text = "Holdfast could not be reached; nothing was saved. Check the connection and try again.";
      setMessage({ tone: "error", text });
      return { ok: false, status: 0, error: text };
    } finally {
      setBusy(false);
    }
  }

  function reload() {
    setMessage(null);
    startTransition(() => router.refresh());
  }

  return { run, busy: busy || refreshing, message, say: setMessage, reload, clear: () => setMessage(null) };
}

export function ActionNotice({
  message,
  onReload,
  onDismiss,
}: {
  message: ActionMessage | null;
  onReload: () => void;
  onDismiss: () => void;
}) {
  if (!message) return <p role="status" className="sr-only" />;
  const tone =
    message.tone === "ok"
      ? "border-good-line bg-good-soft text-good"
      : message.tone === "conflict"
        ? "border-warn-line bg-warn-soft text-warn"
        : "border-bad-line bg-bad-soft text-bad";
  return (
    <div
      role={message.tone === "ok" ? "status" : "alert"}
      className={`mb-4 flex items-center justify-between gap-4 rounded-lg border px-4 py-2 text-sm ${tone}`}
      data-testid="action-notice"
    >
      <span>{message.text}</span>
      <span className="flex shrink-0 gap-2">
        {message.undo && (
          <button
            type="button"
            onClick={message.undo}
            className="rounded-md border border-current px-2 py-0.5 font-medium"
          >
            Undo
          </button>
        )}
        {message.tone === "conflict" && (
          <button type="button" onClick={onReload} className="rounded-md border border-current px-2 py-0.5 font-medium">
            Reload
          </button>
        )}
        <button type="button" onClick={onDismiss} aria-label="Dismiss message" className="px-1">
          ×
        </button>
      </span>
    </div>
  );
}
