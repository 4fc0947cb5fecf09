// Small SQL expressions the metric reads share, typed so each result column comes back as the number or month it is.
import { type Column, type SQL, sql } from "drizzle-orm";

/** A date column as its month, `YYYY-MM`. */
export const monthText = (column: Column | SQL): SQL<string> => sql<string>`to_char(${column}, 'YYYY-MM')`;

/** The sum of a column as a number (PostgreSQL sums integers as bigint, which drivers send as text). */
export const sumOf = (column: Column): SQL<number> => sql<number>`sum(${column})::bigint`.mapWith(Number);
