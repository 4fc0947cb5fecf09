// Migrates one PGlite database and keeps its dump: every test file starts from a copy in ~2 s.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/db/client";
import { migrate } from "@/db/migrate";

export default async function setup(project: TestProject) {
  const handle = await openPglite(undefined);
  await migrate(handle);
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c: "gzip") => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("gzip");
  await handle.close();
  const file = path.join(os.tmpdir(), `holdfast-pglite-template-${process.pid}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(file, { force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
