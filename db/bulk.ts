// Large inserts in few statements: each column travels as one array parameter and is unnested,
// in order, so tens of thousands of rows cost one round trip (on PostgreSQL and PGlite alike).
import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

export interface BulkColumn<T> {
  /** The stored column name (take it from the schema: db/queries/bulk-columns.ts). */
  name: string;
  /** The element's SQL type, e.g. `text`, `timestamptz`, `subscription_event_type`. */
  type: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

const CHUNK = 20_000;

export async function bulkInsert<T>(
  db: Db,
  table: PgTable,
  columns: BulkColumn<T>[],
  rows: readonly T[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays: SQL[] = columns.map((c) => {
      const values = chunk.map((r) => {
        const v = c.value(r);
        return v instanceof Date ? v.toISOString() : (v ?? null);
      });
      // Sent as text[] (which both drivers serialize) and cast: enum arrays have no client type.
      return sql`${sql.param(values.map((v) => (v === null ? null : String(v))))}::text[]::${sql.raw(c.type)}[]`;
    });
    const names = sql.join(
      columns.map((c) => sql.identifier(c.name)),
      sql`, `,
    );
    const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(", "));
    await db.execute(sql`
      insert into ${table} (${names})
      select ${aliases} from unnest(${sql.join(arrays, sql`, `)}) with ordinality as u(${aliases}, n)
      order by n
    `);
  }
}
