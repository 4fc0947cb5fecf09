// Bulk-insert columns and casts named through the schema: a renamed column or table follows here,
// and a renamed key fails to compile.
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { BulkColumn } from "@/db/bulk";

/** One column of a bulk insert: its stored name and SQL type come from the schema. */
export function bulkColumn<T>(column: PgColumn, value: BulkColumn<T>["value"]): BulkColumn<T> {
  return { name: column.name, type: column.getSQLType(), value };
}

/** The column's bare name, for a SET or an INSERT list, where a qualified name is not allowed. */
export const bare = (column: PgColumn): SQL => sql`${sql.identifier(column.name)}`;

/** `::type` of the column (an enum's name, `integer`, `timestamp (3) with time zone` …): constant SQL. */
export const castTo = (column: PgColumn): SQL => sql.raw(`::${column.getSQLType()}`);

/** `excluded.<column>` in an upsert's update. */
export const excluded = (column: PgColumn): SQL => sql`excluded.${bare(column)}`;
