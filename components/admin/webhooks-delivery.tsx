// One delivery's attempts: when (to the second: retries come seconds apart), why (the automatic
// schedule or a replay), the answer's code, time and first 2 kB, or the error when no answer came;
// with the body sent and a Replay button.
import { type ColumnDef, DataTable, framedLook } from "@/components/ui/data-table";
import type { Formatter } from "@/lib/format";
import type { WebhookAttemptRow } from "@/lib/types/webhooks";
import type { WebhookDeliveryStatus } from "@/lib/values";
import { WebhooksDeliveryHeader } from "./webhooks-delivery-header";
import { WebhooksStatus } from "./webhooks-status";

export interface DeliveryDetail {
  id: string;
  eventType: string;
  url: string;
  status: WebhookDeliveryStatus;
  createdAt: Date;
  data: unknown;
}

export function WebhooksDelivery({
  delivery,
  attempts,
  fmt,
  closeHref,
}: {
  delivery: DeliveryDetail;
  attempts: WebhookAttemptRow<Date>[];
  fmt: Formatter;
  closeHref: string;
}) {
  const columns: ColumnDef<WebhookAttemptRow<Date>>[] = [
    {
      header: "Time",
      cell: ({ row }) => fmt.dateTime(row.original.at, { seconds: true }),
      meta: { cellClassName: `${framedLook.td} whitespace-nowrap` },
    },
    { header: "Trigger", cell: ({ row }) => row.original.trigger },
    {
      header: "Code",
      cell: ({ row }) => row.original.statusCode ?? "—",
      meta: { cellClassName: `${framedLook.td} tabular-nums` },
    },
    {
      header: "Duration",
      cell: ({ row }) => `${fmt.number(row.original.durationMs)} ms`,
      meta: { cellClassName: `${framedLook.td} whitespace-nowrap tabular-nums` },
    },
    {
      header: "Answer",
      cell: ({ row: { original: a } }) =>
        a.response ? (
          <pre className="max-h-40 max-w-xl overflow-auto whitespace-pre-wrap break-all rounded bg-canvas p-2 text-xs">
            {a.response}
          </pre>
        ) : (
          <span className="text-muted">empty</span>
        ),
    },
    {
      header: "Error",
      cell: ({ row }) => row.original.error ?? <span className="text-muted">—</span>,
      meta: { cellClassName: `${framedLook.td} max-w-xs break-words text-bad` },
    },
  ];
  return (
    <section
      id="delivery"
      aria-label={`Delivery ${delivery.id}`}
      className="mb-6 scroll-mt-4 rounded-xl border border-accent/40 bg-surface p-4"
      data-testid="delivery-detail"
    >
      <WebhooksDeliveryHeader
        id={delivery.id}
        closeHref={closeHref}
        title={
          <>
            <span className="font-mono text-sm">{delivery.eventType}</span> to{" "}
            <span className="break-all font-mono text-sm">{delivery.url}</span>
          </>
        }
        meta={
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
            <WebhooksStatus status={delivery.status} />
            <span>
              webhook-id <span className="font-mono">{delivery.id}</span>, made{" "}
              {fmt.dateTime(delivery.createdAt, { seconds: true })}
            </span>
          </p>
        }
      />
      <DataTable
        caption={`Attempts of ${delivery.id}, oldest first`}
        columns={columns}
        data={attempts}
        getRowId={(a) => String(a.id)}
        rowProps={() => ({ className: "align-top", "data-testid": "attempt-row" })}
        empty="No attempt yet: the worker sends it within seconds."
      />
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-accent">Event data sent</summary>
        <pre className="mt-2 max-h-64 overflow-auto rounded bg-canvas p-2 text-xs">
          {JSON.stringify(delivery.data, null, 2)}
        </pre>
      </details>
    </section>
  );
}
