// The accounts behind a figure as a table: name, its amount in the figure, MRR now, segment, owner, and a queue button.
import { IntentLink } from "@/components/ui/intent-link";
import { useFormat } from "@/components/providers/format-provider";
import { type ColumnDef, DataTable, type TableLook } from "@/components/ui/data-table";
import { formatSegment } from "@/lib/format";
import type { DrillAccount } from "@/lib/types/metrics";
import { accountPath } from "@/lib/account-path";

const look: TableLook = {
  table: "w-full text-left text-sm",
  thead: "text-xs uppercase tracking-wide text-muted",
  th: "py-1 pr-3",
  tbody: "divide-y divide-line",
  td: "py-1.5 pr-3",
};

export function DrillTable({
  accounts,
  currency,
  onAdd,
}: {
  accounts: DrillAccount[];
  currency: string;
  onAdd: (externalIds: string[]) => void;
}) {
  const fmt = useFormat();
  const columns: ColumnDef<DrillAccount>[] = [
    {
      header: "Account",
      cell: ({ row: { original: a } }) => (
        <>
          <IntentLink href={accountPath(a.externalId)} className="font-medium text-accent hover:underline">
            {a.name}
          </IntentLink>
          {a.detail && <p className="text-xs text-muted">{a.detail}</p>}
        </>
      ),
    },
    {
      header: "In this figure",
      cell: ({ row }) => fmt.money(row.original.amountCents, currency),
      meta: { cellClassName: `${look.td} tabular-nums` },
    },
    {
      header: "MRR now",
      cell: ({ row }) => fmt.money(row.original.mrrCents, currency),
      meta: { cellClassName: `${look.td} tabular-nums` },
    },
    { header: "Segment", cell: ({ row }) => formatSegment(row.original.segment) },
    { header: "Owner", cell: ({ row }) => row.original.ownerName ?? <span className="text-muted">Unassigned</span> },
    {
      id: "queue",
      header: () => <span className="sr-only">Queue</span>,
      cell: ({ row: { original: a } }) => (
        <button
          type="button"
          onClick={() => onAdd([a.externalId])}
          className="rounded border border-line px-1.5 py-0.5 text-xs"
          aria-label={`Add ${a.name} to the queue`}
        >
          Add to queue
        </button>
      ),
      meta: { headerClassName: "py-1", cellClassName: "py-1.5 text-right" },
    },
  ];
  return (
    <DataTable
      caption="Accounts behind the figure"
      columns={columns}
      data={accounts}
      getRowId={(a) => a.externalId}
      bodyProps={{ "data-testid": "drill-rows" }}
      look={look}
    />
  );
}
