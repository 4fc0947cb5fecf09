// The delivery log: every webhook message, newest first, filtered by endpoint and status from the
// URL; a row opens its attempts.
import { IntentLink } from "@/components/ui/intent-link";
import { type ColumnDef, DataTable, type TableLook, framedLook } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import type { Formatter } from "@/lib/format";
import type { WebhookDeliveryRow } from "@/lib/types/webhooks";
import type { DeliveryLogParams } from "@/lib/validation/webhooks";
import { WEBHOOK_DELIVERY_STATUSES } from "@/lib/values";
import { WebhooksStatus } from "./webhooks-status";

const field = "mt-1 block max-w-xs rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";
/** Seven columns in the page's width: narrower cells than the framed list's. */
const look: TableLook = { ...framedLook, th: "px-3 py-2 font-medium", td: "px-3 py-2" };
const right = {
  cellClassName: `${look.td} text-right tabular-nums`,
  headerClassName: `${look.th} whitespace-nowrap text-right`,
};

/** The log's address with these params (the page's own, changed), ending at the log or a delivery. */
export function logHref(params: DeliveryLogParams, change: Partial<DeliveryLogParams>, anchor = "deliveries"): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.endpoint) search.set("endpoint", next.endpoint);
  if (next.status) search.set("status", next.status);
  if (next.page > 1) search.set("page", String(next.page));
  if (next.delivery) search.set("delivery", next.delivery);
  const qs = search.toString();
  return `/admin/webhooks${qs ? `?${qs}` : ""}#${anchor}`;
}

export function WebhooksLog({
  rows,
  total,
  pages,
  params,
  endpoints,
  fmt,
  children,
}: {
  rows: WebhookDeliveryRow<Date>[];
  total: number;
  pages: number;
  params: DeliveryLogParams;
  endpoints: { id: string; url: string }[];
  fmt: Formatter;
  /** Shown between the filters and the log: the open delivery. */
  children?: React.ReactNode;
}) {
  const columns: ColumnDef<WebhookDeliveryRow<Date>>[] = [
    {
      header: "Time",
      cell: ({ row: { original: d } }) => (
        <IntentLink
          href={logHref(params, { delivery: d.id }, "delivery")}
          aria-current={params.delivery === d.id ? "true" : undefined}
          className="text-accent underline"
        >
          {fmt.dateTime(d.createdAt, { seconds: true })}
        </IntentLink>
      ),
      meta: { cellClassName: `${look.td} min-w-[8rem]` },
    },
    {
      header: "Event",
      cell: ({ row: { original: d } }) => (
        <>
          <span className="block font-mono text-xs">{d.eventType}</span>
          <span className="block max-w-[12rem] break-all font-mono text-xs text-muted">{d.id}</span>
        </>
      ),
    },
    {
      header: "Endpoint",
      cell: ({ row: { original: d } }) => (
        <span title={d.endpointUrl} className="block max-w-[14rem] truncate font-mono text-xs">
          {d.endpointUrl}
        </span>
      ),
    },
    { header: "Status", cell: ({ row }) => <WebhooksStatus status={row.original.status} /> },
    {
      header: "Attempts",
      cell: ({ row }) => row.original.attempts,
      meta: right,
    },
    {
      header: "Last code",
      cell: ({ row }) => row.original.lastStatusCode ?? "—",
      meta: right,
    },
    {
      header: "Next try",
      cell: ({ row: { original: d } }) =>
        d.status === "pending" && d.nextAttemptAt
          ? fmt.dateTime(d.nextAttemptAt, { seconds: true })
          : d.status === "pending"
            ? "now"
            : "—",
      meta: { cellClassName: `${look.td} min-w-[8rem]` },
    },
  ];
  const filtered = Boolean(params.endpoint || params.status);
  return (
    <>
      <form
        // Remounted when the URL's filters change, so the selects show them after a link or Clear.
        key={`${params.endpoint ?? ""}|${params.status ?? ""}`}
        method="get"
        action="/admin/webhooks#deliveries"
        aria-label="Delivery filters"
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        <label className="text-xs text-muted">
          Endpoint
          <select name="endpoint" defaultValue={params.endpoint ?? ""} className={field}>
            <option value="">Any</option>
            {endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.url}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-muted">
          Status
          <select name="status" defaultValue={params.status ?? ""} className={field}>
            <option value="">Any</option>
            {WEBHOOK_DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
          Filter
        </button>
        {filtered && (
          <IntentLink href="/admin/webhooks#deliveries" className="px-2 py-1.5 text-sm text-accent">
            Clear
          </IntentLink>
        )}
        <span className="ml-auto text-sm text-muted" data-testid="delivery-total">
          {fmt.number(total)} {total === 1 ? "delivery" : "deliveries"}
        </span>
      </form>
      {children}
      <DataTable
        caption="Webhook deliveries, newest first"
        look={look}
        columns={columns}
        data={rows}
        getRowId={(d) => d.id}
        rowProps={(d) => ({
          className: `align-top ${params.delivery === d.id ? "bg-accent-soft/40" : ""}`,
          "data-testid": "delivery-row",
          "data-delivery": d.id,
        })}
        empty={
          filtered
            ? "No delivery matches these filters."
            : "No deliveries yet. Send a test event to an endpoint to see one here."
        }
      />
      {pages > 1 && (
        <Pager page={params.page} pages={pages} params={{ endpoint: params.endpoint, status: params.status }} />
      )}
    </>
  );
}
