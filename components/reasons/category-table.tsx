// The reasons page's categories: answers, cancels, MRR lost, saves and pending per category; a category's name
// drills through to its accounts, and "Read answers" opens its answers in the customers' words.
import { chart } from "@/components/charts/theme";
import { useFormat } from "@/components/providers/format-provider";
import { type ColumnDef, DataTable } from "@/components/ui/data-table";
import type { ReasonsReport } from "@/lib/metrics/reasons";
import { numberColumn, reasonsLook } from "./reasons-look";

type Category = ReasonsReport["categories"][number];

export function CategoryTable({
  categories,
  currency,
  onDrill,
  onRead,
}: {
  categories: Category[];
  currency: string;
  onDrill: (category: string) => void;
  onRead: (category: string) => void;
}) {
  const fmt = useFormat();
  const columns: ColumnDef<Category>[] = [
    {
      header: "Category",
      cell: ({ row: { original: c } }) => (
        <button
          type="button"
          className="flex items-center gap-2 text-left hover:text-accent"
          onClick={() => onDrill(c.category)}
        >
          <span className="inline-block h-3 w-3 rounded-sm" style={{ background: chart.token(c.color) }} />
          <span id={`category-${c.category}`}>{c.name}</span>
          {c.regrettable === false && <span className="text-xs text-muted">(not regrettable)</span>}
          {c.regrettable === null && <span className="text-xs text-muted">(not yet filed)</span>}
        </button>
      ),
    },
    { header: "Answers", cell: ({ row }) => fmt.number(row.original.responses), meta: numberColumn },
    { header: "Canceled", cell: ({ row }) => fmt.number(row.original.canceled), meta: numberColumn },
    { header: "MRR lost", cell: ({ row }) => fmt.money(row.original.mrrLostCents, currency), meta: numberColumn },
    { header: "Saved", cell: ({ row }) => fmt.number(row.original.saved), meta: numberColumn },
    { header: "Pending", cell: ({ row }) => fmt.number(row.original.pending), meta: numberColumn },
    {
      id: "read",
      header: () => <span className="sr-only">Answers in their own words</span>,
      cell: ({ row: { original: c } }) => (
        <button
          type="button"
          className="rounded border border-line px-1.5 py-0.5 text-xs hover:text-accent"
          aria-describedby={`category-${c.category}`}
          onClick={() => onRead(c.category)}
        >
          Read answers
        </button>
      ),
      meta: { headerClassName: numberColumn.headerClassName, cellClassName: "py-1.5 pl-3 text-right" },
    },
  ];
  return (
    <DataTable
      caption="Answers by category"
      columns={columns}
      data={categories}
      getRowId={(c) => c.category}
      look={reasonsLook}
    />
  );
}
