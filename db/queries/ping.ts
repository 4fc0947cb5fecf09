// Whether the database answers at all: the health check's one statement.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Resolves when the database answered a trivial statement; rejects with the driver's error when not. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
