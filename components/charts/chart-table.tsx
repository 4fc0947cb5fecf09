// A chart's text alternative: the numbers it draws as a table, behind a disclosure that keyboard
// and screen-reader users reach like any other control. Rows are drawn as given.
import { type ColumnDef, DataTable, type TableLook } from "@/components/ui/data-table";

export interface ChartColumn<Row> {
  label: string;
  value: (row: Row) => React.ReactNode;
}

const look: TableLook = {
  table: "w-full text-right tabular-nums",
  thead: "text-xs text-muted",
  th: "px-2",
  td: "px-2 py-0.5",
};

export function ChartTable<Row>({
  caption,
  rows,
  rowKey,
  columns,
}: {
  caption: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: ChartColumn<Row>[];
}) {
  // The first column names the row (the month, the offer), so it is the row's header.
  const defs: ColumnDef<Row>[] = columns.map((c, i) => ({
    id: c.label,
    header: c.label,
    cell: ({ row }) => c.value(row.original),
    meta:
      i === 0 ? { headerClassName: "text-left", cellClassName: "py-0.5 text-left font-normal", rowHeader: true } : {},
  }));
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-muted">Table of the chart</summary>
      <div className="mt-2 overflow-x-auto">
        <DataTable
          caption={caption}
          columns={defs}
          data={rows}
          getRowId={rowKey}
          rowProps={() => ({ className: "border-t border-line/60" })}
          look={look}
        />
      </div>
    </details>
  );
}
