// A fresh, migrated database for one test file: PGlite in memory, or a PostgreSQL copy of the template.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, type DbHandle, openPostgres } from "@/db/client";
import * as schema from "@/db/schema";
import { adminUrl, databaseUrl } from "./postgres-urls";

let counter = 0;

export async function createTestDb(): Promise<DbHandle> {
  const engine = process.env.HOLDFAST_TEST_ENGINE ?? "pglite";
  if (engine === "postgres") {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DATABASE_URL is not set");
    const template = inject("postgresTemplate");
    const name = `${template.replace(/_tpl$/, "")}_${process.pid}_${counter++}`;
    const admin = new pg.Client({ connectionString: adminUrl(base) });
    await admin.connect();
    await admin.query(`create database "${name}" template "${template}"`);
    await admin.end();
    return openPostgres(databaseUrl(base, name), 4);
  }
  const dump = fs.readFileSync(inject("pgliteTemplate"));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
  const db: Db = drizzle(client, { schema });
  return { db, engine: "pglite", close: () => client.close() };
}

export interface TestDb {
  readonly db: Db;
  readonly engine: string;
}

function holder(when: string): { state: { handle?: DbHandle }; ref: TestDb } {
  const state: { handle?: DbHandle } = {};
  const ref = {
    get db() {
      if (!state.handle) throw new Error(`The test database opens in ${when}: use it inside a test.`);
      return state.handle.db;
    },
    get engine() {
      return state.handle?.engine ?? "unknown";
    },
  };
  return { state, ref };
}

/** A database opened before the file's first test and closed after its last: tests share it, so each uses its own ids. */
export function setupTestDb(): TestDb {
  const { state, ref } = holder("beforeAll");
  beforeAll(async () => {
    state.handle = await createTestDb();
  });
  afterAll(async () => {
    await state.handle?.close();
  });
  return ref;
}

/**
 * A new database for every test, for tests about what the whole installation holds (the queue, the
 * taxonomy, the last admin, totals over every account), where other tests' rows would change the answer.
 */
export function setupTestDbPerTest(): TestDb {
  const { state, ref } = holder("beforeEach");
  beforeEach(async () => {
    state.handle = await createTestDb();
  });
  afterEach(async () => {
    await state.handle?.close();
    state.handle = undefined;
  });
  return ref;
}

const currentDatabase = z.object({ rows: z.array(z.object({ name: z.string() })).length(1) });

/**
 * A second server's handle on the same test database: on PostgreSQL an independent pool of its own;
 * on PGlite, which is one connection in this process, the same handle (its close leaves it open).
 */
export async function openSecondHandle(t: TestDb, max = 4): Promise<DbHandle> {
  if (t.engine !== "postgres") return { db: t.db, engine: "pglite", close: async () => undefined };
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const [row] = currentDatabase.parse(await t.db.execute(sql`select current_database() as name`)).rows;
  if (!row) throw new Error("The test database has no name.");
  return openPostgres(databaseUrl(base, row.name), max);
}
