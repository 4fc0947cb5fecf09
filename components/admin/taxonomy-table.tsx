"use client";
// The reason categories as a table: colour, name and description, regrettable, reason codes, answers,
// and the changes each live category offers.
import { useFormat } from "@/components/providers/format-provider";
import { type ColumnDef, DataTable, framedLook } from "@/components/ui/data-table";
import type { CategoryRow } from "@/lib/types/taxonomy";

export type CategoryChange = "edit" | "merge" | "split" | "archive";

const button = "rounded-md border border-line px-2 py-1 text-xs hover:bg-canvas";

export function TaxonomyTable({
  categories,
  onChange,
}: {
  categories: CategoryRow[];
  onChange: (kind: CategoryChange, category: CategoryRow) => void;
}) {
  const fmt = useFormat();
  const columns: ColumnDef<CategoryRow>[] = [
    {
      header: "Category",
      cell: ({ row: { original: c } }) => (
        <span className="flex items-start gap-2">
          <span
            className="mt-1 h-3 w-3 shrink-0 rounded-full"
            style={{ background: `var(--color-${c.color})` }}
            aria-hidden
          />
          <span>
            <span className="font-medium">{c.name}</span>
            {c.archived && <span className="ml-2 rounded bg-canvas px-1.5 text-xs">archived</span>}
            {c.description && <span className="block text-xs text-muted">{c.description}</span>}
          </span>
        </span>
      ),
    },
    {
      header: "Regrettable",
      cell: ({ row: { original: c } }) =>
        c.isUncategorized ? <span className="text-muted">Neither — not yet filed</span> : c.regrettable ? "Yes" : "No",
    },
    {
      header: "Reason codes",
      cell: ({ row }) => row.original.reasonCodes.join(", ") || "–",
      meta: { cellClassName: `${framedLook.td} font-mono text-xs` },
    },
    {
      header: "Answers",
      cell: ({ row }) => fmt.number(row.original.answers),
      meta: { cellClassName: `${framedLook.td} tabular-nums` },
    },
    {
      id: "changes",
      header: "",
      cell: ({ row: { original: c } }) =>
        !c.archived && (
          <span className="flex flex-wrap justify-end gap-1">
            <button type="button" className={button} onClick={() => onChange("edit", c)}>
              Edit
            </button>
            {!c.isUncategorized && (
              <>
                <button type="button" className={button} onClick={() => onChange("merge", c)}>
                  Merge…
                </button>
                <button type="button" className={button} onClick={() => onChange("archive", c)}>
                  Archive
                </button>
              </>
            )}
            <button type="button" className={button} onClick={() => onChange("split", c)}>
              Split…
            </button>
          </span>
        ),
    },
  ];
  return (
    <DataTable
      caption="Reason categories"
      columns={columns}
      data={categories}
      getRowId={(c) => c.id}
      rowProps={(c) => ({
        "data-testid": "category-row",
        "data-category": c.name,
        className: c.archived ? "text-muted" : "",
      })}
    />
  );
}
