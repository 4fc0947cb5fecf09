// Opens the Holdfast database: embedded PGlite in HOLDFAST_DATA_DIR, or PostgreSQL when DATABASE_URL is set.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { dataDir, env } from "@/lib/env";
import * as schema from "./schema";
import { acquireDataDirLock, releaseDataDirLock } from "./lock";

export type Schema = typeof schema;
/** Any Holdfast database handle or transaction: queries take it as their first argument. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
}

// Each handle's migrator, made where the driver's own type is still known (db/migrate.ts runs it),
// so no handle is cast back to a driver type.
const migrators = new WeakMap<Db, (migrationsFolder: string) => Promise<void>>();

/** The migrator of a handle opened here; undefined for one opened elsewhere. */
export function migratorOf(db: Db): ((migrationsFolder: string) => Promise<void>) | undefined {
  return migrators.get(db);
}

export function pgliteDir(): string {
  return path.join(dataDir(), "pglite");
}

export async function openPglite(dir: string | undefined): Promise<DbHandle> {
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    acquireDataDirLock(dir);
  }
  try {
    const client = await PGlite.create(dir);
    const driver = drizzlePglite(client, { schema });
    const db: Db = driver;
    migrators.set(db, (migrationsFolder) => migratePglite(driver, { migrationsFolder }));
    return {
      db,
      engine: "pglite",
      close: async () => {
        await client.close();
        if (dir) releaseDataDirLock(dir);
      },
    };
  } catch (error) {
    if (dir) releaseDataDirLock(dir);
    throw error;
  }
}

export async function openPostgres(url: string, max = 10): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection lost with the server (a restart, a failover) must not end the process: the
  // pool drops it and opens a new one for the next query.
  pool.on("error", (error) => console.warn(`PostgreSQL connection lost, it will be replaced: ${error.message}`));
  // The same for a connection in use: its query fails (and is answered as an error); the process lives.
  pool.on("connect", (client) => client.on("error", () => {}));
  const driver = drizzlePg(pool, { schema });
  const db: Db = driver;
  migrators.set(db, (migrationsFolder) => migratePg(driver, { migrationsFolder }));
  return { db, engine: "postgres", close: () => pool.end() };
}

/** Opens the configured database (a new handle; the server keeps one via getDb). */
export function openConfigured(): Promise<DbHandle> {
  const url = env().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDir());
}

declare global {
  var __holdfastDb: Promise<DbHandle> | undefined;
}

/** The server's one handle, kept on globalThis so bundles loaded twice share it. */
export async function getDb(): Promise<Db> {
  if (!globalThis.__holdfastDb) {
    globalThis.__holdfastDb = openConfigured().catch((error: unknown) => {
      globalThis.__holdfastDb = undefined;
      throw error;
    });
    closeOnShutdown(globalThis.__holdfastDb);
  }
  return (await globalThis.__holdfastDb).db;
}

/** On SIGINT/SIGTERM, close the database (PGlite checkpoints and releases its lock) before exiting. */
function closeOnShutdown(opening: Promise<DbHandle>): void {
  const stop = (signal: NodeJS.Signals) => {
    opening
      .then((handle) => handle.close())
      .catch(() => undefined)
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
