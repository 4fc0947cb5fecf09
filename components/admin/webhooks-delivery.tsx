// One delivery's attempts: when, why (the automatic schedule or a replay), the answer's code, time
// and first 2 kB, or the error when no answer came; with the body sent and a Replay button.
import Link from "next/link";
import { type ColumnDef, DataTable, framedLook } from "@/components/ui/data-table";
import type { Formatter } from "@/lib/format";
import type { WebhookAttemptRow } from "@/lib/types/webhooks";
import type { WebhookDeliveryStatus } from "@/lib/values";
import { WebhooksReplayButton } from "./webhooks-replay-button";
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
      cell: ({ row }) => fmt.dateTime(row.original.at),
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
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold">
            <span className="font-mono text-sm">{delivery.eventType}</span> to{" "}
            <span className="break-all font-mono text-sm">{delivery.url}</span>
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
            <WebhooksStatus status={delivery.status} />
            <span>
              webhook-id <span className="font-mono">{delivery.id}</span>, made {fmt.dateTime(delivery.createdAt)}
            </span>
          </p>
        </div>
        <div className="flex items-start gap-3">
          <WebhooksReplayButton id={delivery.id} />
          <Link href={closeHref} className="px-2 py-1.5 text-sm text-accent">
            Close
          </Link>
        </div>
      </div>
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
