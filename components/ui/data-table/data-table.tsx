// The one table component: typed TanStack Table columns drawn as a semantic <table> with a caption for screen readers.
// It keeps no state and calls no hook, so server pages and client widgets both render it; a client caller that
// sorts holds the sorting state and passes it in.
import {
  type ColumnDef,
  type Header,
  type OnChangeFn,
  type RowData,
  type SortingState,
  type Table,
  createTable,
  getCoreRowModel,
  getSortedRowModel,
} from "@tanstack/react-table";
import type { ComponentProps, ReactNode } from "react";
import { type TableLook, framedLook } from "./looks";

declare module "@tanstack/react-table" {
  // The type parameters must match TanStack's declaration for the interfaces to merge.
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Replaces the look's `th` class for this column's header. */
    headerClassName?: string;
    /** Replaces the look's `td` class for this column's body cells; a function picks it from the row and value. */
    cellClassName?: string | ((row: TData, value: TValue) => string);
    /** The column names its row: its body cells are `<th scope="row">`. */
    rowHeader?: boolean;
  }
}

/** `data-*` attributes (test ids, row data) on a row, the body or the table. */
export type DataAttributes = { [key: `data-${string}`]: string | undefined };
export type RowProps = ComponentProps<"tr"> & DataAttributes;

/** Sorting held by the (client) caller; `manual` when the rows arrive sorted, e.g. by the server from the URL. */
export interface TableSorting {
  state: SortingState;
  onChange: OnChangeFn<SortingState>;
  manual?: boolean;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers; visible too when `captionClassName` says so. */
  caption: ReactNode;
  captionClassName?: string;
  columns: ColumnDef<T>[];
  data: T[];
  /** The row's React key and TanStack id; the row's index when left out. */
  getRowId?: (row: T, index: number) => string;
  /** Attributes of each row: class, test id, data-*, aria-*. */
  rowProps?: (row: T, index: number) => RowProps;
  tableProps?: Omit<ComponentProps<"table">, "className" | "children"> & DataAttributes;
  bodyProps?: Omit<ComponentProps<"tbody">, "className" | "children"> & DataAttributes;
  /** Shown in one full-width row when there are no rows; without it an empty table has an empty body. */
  empty?: ReactNode;
  look?: TableLook;
  /** False for a table whose columns need no header (the caption names it). */
  header?: boolean;
  sorting?: TableSorting;
}

export function DataTable<T>({
  caption,
  captionClassName = "sr-only",
  columns,
  data,
  getRowId,
  rowProps,
  tableProps,
  bodyProps,
  empty,
  look = framedLook,
  header = true,
  sorting,
}: DataTableProps<T>) {
  const table = buildTable({ columns, data, getRowId, sorting });
  const rows = table.getRowModel().rows;
  const drawn = (
    <table {...tableProps} className={look.table}>
      <caption className={captionClassName}>{caption}</caption>
      {header && (
        <thead className={look.thead}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => (
                <HeaderCell key={h.id} header={h} look={look} />
              ))}
            </tr>
          ))}
        </thead>
      )}
      <tbody {...bodyProps} className={look.tbody}>
        {rows.length === 0 && empty !== undefined ? (
          <tr>
            <td colSpan={table.getVisibleLeafColumns().length} className={look.empty}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.id} {...rowProps?.(row.original, row.index)}>
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const content = show(cell.column.columnDef.cell, cell.getContext());
                const pick = meta?.cellClassName;
                const className = typeof pick === "function" ? pick(row.original, cell.getValue()) : (pick ?? look.td);
                return meta?.rowHeader ? (
                  <th key={cell.id} scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={cell.id} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
  return look.wrapper ? <div className={look.wrapper}>{drawn}</div> : drawn;
}

function HeaderCell<T>({ header, look }: { header: Header<T, unknown>; look: TableLook }) {
  const column = header.column;
  const content = header.isPlaceholder ? null : show(column.columnDef.header, header.getContext());
  const className = column.columnDef.meta?.headerClassName ?? look.th;
  if (!column.getCanSort()) {
    return (
      <th scope="col" colSpan={header.colSpan > 1 ? header.colSpan : undefined} className={className}>
        {content}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className="inline-flex items-center gap-1 uppercase hover:text-ink"
      >
        {content}
        <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
      </button>
    </th>
  );
}

/**
 * A header or cell template's content. Templates are called, not mounted as components: a column list built
 * inside a component is new on every render, and mounting would remount (and unfocus) every cell each time.
 */
function show<C>(template: string | ((context: C) => ReactNode) | undefined, context: C): ReactNode {
  return typeof template === "function" ? template(context) : template;
}

/** A table for one render: TanStack's state is the caller's sorting, or none. */
function buildTable<T>({
  columns,
  data,
  getRowId,
  sorting,
}: Pick<DataTableProps<T>, "columns" | "data" | "getRowId" | "sorting">): Table<T> {
  const table = createTable<T>({
    columns,
    data,
    getCoreRowModel: getCoreRowModel(),
    ...(getRowId ? { getRowId: (row: T, index: number) => getRowId(row, index) } : {}),
    ...(sorting
      ? {
          getSortedRowModel: getSortedRowModel(),
          manualSorting: sorting.manual ?? false,
          onSortingChange: sorting.onChange,
        }
      : { enableSorting: false }),
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  });
  table.setOptions((options) => ({
    ...options,
    state: { ...table.initialState, ...(sorting ? { sorting: sorting.state } : {}) },
  }));
  return table;
}
