// Applies the committed drizzle-kit migrations to either engine.
import path from "node:path";
import { type DbHandle, migratorOf } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

export async function migrate(handle: DbHandle): Promise<void> {
  const run = migratorOf(handle.db);
  if (!run) throw new Error(`Only a database opened by db/client can be migrated (this one is ${handle.engine}).`);
  await run(migrationsFolder);
}
