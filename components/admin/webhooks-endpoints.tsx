"use client";
// Admin: add a webhook endpoint (its signing secret shown once), switch endpoints on and off, and
// send one a test event. After each of these, focus moves to what it produced (the secret, the
// notice), never to the page's body.
import { IntentLink } from "@/components/ui/intent-link";
import { useEffect, useRef, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { type ColumnDef, DataTable, framedLook } from "@/components/ui/data-table";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { createWebhookAction } from "@/lib/actions/webhooks/create-webhook";
import { sendTestEventAction } from "@/lib/actions/webhooks/send-test-event";
import { setWebhookEnabledAction } from "@/lib/actions/webhooks/set-webhook-enabled";
import type { WebhookEndpointRow } from "@/lib/types/webhooks";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/values";

const input = "mt-1 block w-full rounded-md border border-line bg-surface px-3 py-1.5 text-sm text-ink";
const small = "rounded-md border border-line bg-surface px-2 py-1 text-xs text-ink hover:bg-canvas disabled:opacity-60";

/** What each event is, beside its name in a new endpoint's form (every event is ticked there). */
const EVENT_NOTE: Record<WebhookEventType, string> = {
  "account.entered_queue": "an account entered the at-risk queue",
  "cancel_session.completed": "a customer finished the cancel page: saved or cancelled",
};

interface Made {
  id: string;
  url: string;
  secret: string;
}

export function WebhooksEndpoints({ endpoints }: { endpoints: WebhookEndpointRow[] }) {
  const { run, busy, message, clear, reload } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const [creating, setCreating] = useState(false);
  const [formError, setFormError] = useState<{ field?: string; text: string } | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const secretBox = useRef<HTMLDivElement>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  const formAlert = useRef<HTMLParagraphElement>(null);
  // The button pressed is disabled while its action runs, which drops focus; the notice takes it.
  const focusNotice = useRef(false);
  useEffect(() => {
    if (message && focusNotice.current) notice.current?.focus();
    focusNotice.current = false;
  }, [message]);
  useEffect(() => {
    if (made) secretBox.current?.focus();
  }, [made]);
  useEffect(() => {
    if (formError) (formError.field === "url" ? urlField.current : formAlert.current)?.focus();
  }, [formError]);

  /** Runs an endpoint's action, then moves focus to its notice. */
  function act<T>(...args: Parameters<typeof run<T>>) {
    focusNotice.current = true;
    void run(...args);
  }

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setCreating(true);
    setFormError(null);
    clear();
    try {
      const url = String(data.get("url") ?? "");
      const result = await run(
        () => createWebhookAction({ url, description: data.get("description") ?? "", events: data.getAll("events") }),
        "Endpoint added. It gets the events it subscribes to from now on.",
      );
      if (result.ok) {
        setMade({ id: result.data.id, url, secret: result.data.secret });
        form.current?.reset();
      } else {
        clear();
        // The field is named by where the words appear: under it, they need no "url: " of their own.
        setFormError({ field: result.field, text: result.error.replace(/^url: /, "") });
      }
    } finally {
      setCreating(false);
    }
  }

  const columns: ColumnDef<WebhookEndpointRow>[] = [
    {
      header: "Endpoint",
      cell: ({ row: { original: e } }) => (
        <>
          <span className="block max-w-md break-all font-mono text-xs">{e.url}</span>
          {e.description && <span className="block text-xs text-muted">{e.description}</span>}
        </>
      ),
    },
    {
      header: "Events",
      cell: ({ row }) => (
        <ul className="font-mono text-xs">
          {row.original.events.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ),
    },
    {
      header: "State",
      cell: ({ row }) =>
        row.original.enabled ? (
          <span className="rounded-full bg-good-soft px-2 py-0.5 text-xs font-medium text-good">enabled</span>
        ) : (
          <span className="rounded-full bg-canvas px-2 py-0.5 text-xs font-medium text-muted">disabled</span>
        ),
    },
    {
      header: "Last 24 h",
      cell: ({ row: { original: e } }) => (
        <IntentLink href={`?endpoint=${encodeURIComponent(e.id)}#deliveries`} className="text-accent underline">
          {e.recent.deliveries} {e.recent.deliveries === 1 ? "delivery" : "deliveries"}
          {e.recent.failed > 0 ? `, ${e.recent.failed} failed` : ""}
        </IntentLink>
      ),
      meta: { cellClassName: `${framedLook.td} whitespace-nowrap` },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: e } }) => (
        <span className="flex flex-wrap items-start justify-end gap-2">
          <span className="flex flex-col items-end">
            <button
              type="button"
              className={small}
              // A disabled endpoint is sent nothing, tests included (the server refuses it too).
              disabled={busy || !e.enabled}
              title={e.enabled ? undefined : "The endpoint is disabled: enable it to send a test event."}
              aria-label={`Send test event to ${e.url}`}
              aria-describedby={e.enabled ? undefined : `test-hint-${e.id}`}
              onClick={() =>
                act(
                  () => sendTestEventAction({ id: e.id }),
                  `Test event queued for ${e.url}; it appears in the delivery log below.`,
                )
              }
            >
              Send test event
            </button>
            {!e.enabled && (
              <span id={`test-hint-${e.id}`} className="mt-0.5 text-xs text-muted">
                Enable it to send
              </span>
            )}
          </span>
          <button
            type="button"
            className={small}
            disabled={busy}
            aria-label={`${e.enabled ? "Disable" : "Enable"} ${e.url}`}
            onClick={() =>
              act(
                () => setWebhookEnabledAction({ id: e.id, enabled: !e.enabled }),
                e.enabled ? `${e.url} is disabled: it gets no new events.` : `${e.url} is enabled again.`,
              )
            }
          >
            {e.enabled ? "Disable" : "Enable"}
          </button>
        </span>
      ),
      meta: { cellClassName: `${framedLook.td} text-right` },
    },
  ];

  return (
    <div className="space-y-4">
      <form
        ref={form}
        onSubmit={create}
        aria-label="New webhook endpoint"
        className="grid grid-cols-[minmax(0,1fr)] gap-3 rounded-xl border border-line bg-surface p-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
      >
        <label className="text-sm">
          URL
          <input
            ref={urlField}
            name="url"
            required
            inputMode="url"
            autoComplete="off"
            placeholder="https://example.com/holdfast/webhooks"
            aria-invalid={formError?.field === "url" ? true : undefined}
            aria-describedby={formError?.field === "url" ? "webhook-url-error" : undefined}
            className={input}
          />
          {formError?.field === "url" && (
            <span id="webhook-url-error" className="mt-1 block text-sm text-bad">
              {formError.text}
            </span>
          )}
        </label>
        <label className="text-sm">
          Description
          <input name="description" placeholder="e.g. Billing system" maxLength={200} className={input} />
        </label>
        <fieldset className="text-sm">
          <legend>Events</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {WEBHOOK_EVENT_TYPES.map((t) => (
              <label key={t} className="inline-flex items-center gap-1.5">
                <input type="checkbox" name="events" value={t} defaultChecked />
                <span className="font-mono text-xs">{t}</span>
                <span className="text-xs text-muted">({EVENT_NOTE[t]})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-end justify-end">
          <button
            type="submit"
            disabled={creating}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
          >
            {creating ? "Adding…" : "Add endpoint"}
          </button>
        </div>
        {formError && formError.field !== "url" && (
          <p ref={formAlert} tabIndex={-1} role="alert" className="text-sm text-bad md:col-span-2">
            {formError.text}
          </p>
        )}
      </form>
      {made && (
        <div
          ref={secretBox}
          tabIndex={-1}
          className="rounded-xl border border-good-line bg-good-soft p-4 text-sm"
          role="status"
          data-testid="new-webhook"
        >
          <p className="font-medium">
            Signing secret of <span className="break-all font-mono">{made.url}</span> — copy it now: it is shown once.
          </p>
          <p className="mt-1 text-muted">
            Verify each request with it as the Standard Webhooks libraries do (the webhook-id, webhook-timestamp and
            webhook-signature headers).
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              className="block min-w-0 flex-1 break-all rounded bg-surface p-2 font-mono"
              data-testid="new-webhook-secret"
            >
              {made.secret}
            </code>
            <CopyButton text={made.secret} label="Copy secret" />
          </div>
        </div>
      )}
      <div ref={notice} tabIndex={-1} className="rounded-lg" data-testid="endpoint-notice">
        <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      </div>
      <DataTable
        caption="Webhook endpoints"
        columns={columns}
        data={endpoints}
        getRowId={(e) => e.id}
        rowProps={(e) => ({
          className: `align-top ${e.enabled ? "" : "text-muted"}`,
          "data-testid": "webhook-endpoint",
        })}
        empty="No webhook endpoints yet. Add one to tell your own systems when an account enters the at-risk queue."
      />
    </div>
  );
}
