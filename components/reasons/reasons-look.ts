// The look of the reasons page's tables: numbers right-aligned in tabular figures, no frame (the panel is one).
import type { TableLook } from "@/components/ui/data-table";

export const reasonsLook: TableLook = {
  table: "w-full text-sm",
  thead: "text-left text-xs uppercase tracking-wide text-muted",
  th: "py-1",
  tbody: "divide-y divide-line tabular-nums",
  td: "py-1.5",
};

/** A number column's header and cells, right-aligned. */
export const numberColumn = { headerClassName: "py-1 text-right", cellClassName: "py-1.5 text-right" };
