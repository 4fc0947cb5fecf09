// The looks a table takes: the class of each part, so a dense card table and a framed list share one component.

/** Class names for each part of a table; a part left out gets no class (and `wrapper` no element). */
export interface TableLook {
  /** A `<div>` around the table (the frame and its horizontal scroll). */
  wrapper?: string;
  table: string;
  thead?: string;
  /** Every column header, unless the column's `meta.headerClassName` replaces it. */
  th: string;
  tbody?: string;
  /** Every body cell, unless the column's `meta.cellClassName` replaces it. */
  td: string;
  /** The single cell of the empty state's row. */
  empty?: string;
}

/** The framed list of the main screens: a bordered card, a tinted header, roomy cells. */
export const framedLook: TableLook = {
  wrapper: "overflow-x-auto rounded-xl border border-line bg-surface",
  table: "w-full text-left text-sm",
  thead: "border-b border-line bg-canvas/60 text-xs uppercase tracking-wide text-muted",
  th: "px-4 py-2 font-medium",
  tbody: "divide-y divide-line",
  td: "px-4 py-2",
  empty: "px-4 py-6 text-center text-muted",
};

/** A dense table inside a panel or dialog: no frame, columns spaced on the right. */
export const compactLook: TableLook = {
  table: "w-full text-left text-sm",
  thead: "text-xs uppercase tracking-wide text-muted",
  th: "py-1 pr-3 font-medium",
  tbody: "divide-y divide-line",
  td: "py-1.5 pr-3",
  empty: "py-3 text-center text-muted",
};
