// The accounts list as a table: name and domain linked to the account, id, segment, plan, status, MRR and owner.
import { IntentLink } from "@/components/ui/intent-link";
import { type ColumnDef, DataTable, framedLook } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { type Formatter, formatSegment } from "@/lib/format";
import type { AccountListRow } from "@/lib/types/accounts";
import { accountPath } from "@/lib/account-path";

const look = { ...framedLook, td: "px-4 py-2 align-top" };

export function AccountTable({ rows, fmt, currency }: { rows: AccountListRow[]; fmt: Formatter; currency: string }) {
  const columns: ColumnDef<AccountListRow>[] = [
    {
      header: "Account",
      cell: ({ row: { original: a } }) => (
        <>
          <IntentLink href={accountPath(a.externalId)} className="font-medium text-accent hover:underline">
            {a.name}
          </IntentLink>
          {a.domain && <div className="text-xs text-muted">{a.domain}</div>}
        </>
      ),
    },
    {
      header: "External id",
      cell: ({ row }) => row.original.externalId,
      meta: { cellClassName: `${look.td} font-mono text-xs` },
    },
    { header: "Segment", cell: ({ row }) => formatSegment(row.original.segment) },
    { header: "Plan", cell: ({ row }) => row.original.plan ?? "–" },
    { header: "Status", cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    {
      header: "MRR",
      cell: ({ row }) => fmt.money(row.original.mrrCents, currency),
      meta: { cellClassName: `${look.td} tabular-nums` },
    },
    {
      header: "Owner",
      cell: ({ row }) => row.original.ownerName ?? <span className="text-muted">Unassigned</span>,
    },
  ];
  return (
    <DataTable
      caption="Accounts"
      columns={columns}
      data={rows}
      getRowId={(a) => a.id}
      rowProps={() => ({ className: "hover:bg-canvas/60" })}
      look={look}
    />
  );
}
