// Opening the configured database for a command: create it (PostgreSQL) and migrate it first.
import { env } from "@/lib/env";
import { type DbHandle, openConfigured } from "./client";
import { ensurePostgresDatabase } from "./ensure-database";
import { migrate } from "./migrate";
import { ensureRollups } from "./queries/rollups";

export async function openMigrated(): Promise<DbHandle> {
  const url = env().DATABASE_URL;
  if (url && (await ensurePostgresDatabase(url))) console.log(`Created database ${new URL(url).pathname.slice(1)}.`);
  const handle = await openConfigured();
  try {
    await migrate(handle);
    if (await ensureRollups(handle.db)) console.log("Built the metric rollups from the stored subscription events.");
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Runs a command against the migrated database and always closes it (releasing the PGlite lock). */
export async function withDatabase<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openMigrated();
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
