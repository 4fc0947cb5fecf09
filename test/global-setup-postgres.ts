// Migrates one template database per run; each test file gets its own copy, so runs never collide.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { z } from "zod";
import { openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { adminUrl, databaseUrl, runPrefix } from "./postgres-urls";

const databases = z.array(z.object({ datname: z.string() }));

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const prefix = runPrefix();
  const template = `${prefix}_tpl`;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const handle = await openPostgres(databaseUrl(base, template), 2);
  await migrate(handle);
  await handle.close();
  project.provide("postgresTemplate", template);
  return async () => {
    const { rows } = await admin.query("select datname from pg_database where datname like $1", [`${prefix}%`]);
    // The catalog's rows are read through a shape: pg_database is PostgreSQL's, not a table of the schema.
    for (const { datname } of databases.parse(rows))
      await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
