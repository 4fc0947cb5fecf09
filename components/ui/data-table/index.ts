// The table component and its looks, importable as "@/components/ui/data-table".
export { DataTable, type DataAttributes, type DataTableProps, type RowProps, type TableSorting } from "./data-table";
export { type TableLook, compactLook, framedLook } from "./looks";
export type { ColumnDef, SortingState } from "@tanstack/react-table";
