// The reasons page's reason codes as sent by the cancel flow, with their answers, cancels and MRR lost.
import { useFormat } from "@/components/providers/format-provider";
import { type ColumnDef, DataTable } from "@/components/ui/data-table";
import type { ReasonsReport } from "@/lib/metrics/reasons";
import { numberColumn, reasonsLook } from "./reasons-look";

type ReasonCode = ReasonsReport["reasonCodes"][number];

export function ReasonCodeTable({ reasonCodes, currency }: { reasonCodes: ReasonCode[]; currency: string }) {
  const fmt = useFormat();
  const columns: ColumnDef<ReasonCode>[] = [
    {
      header: "Reason code",
      cell: ({ row }) => row.original.reasonCode,
      meta: { cellClassName: "py-1.5 font-mono text-xs" },
    },
    { header: "Answers", cell: ({ row }) => fmt.number(row.original.responses), meta: numberColumn },
    { header: "Canceled", cell: ({ row }) => fmt.number(row.original.canceled), meta: numberColumn },
    { header: "MRR lost", cell: ({ row }) => fmt.money(row.original.mrrLostCents, currency), meta: numberColumn },
  ];
  return (
    <DataTable
      caption="Answers by reason code"
      columns={columns}
      data={reasonCodes}
      getRowId={(c) => c.reasonCode}
      look={reasonsLook}
    />
  );
}
