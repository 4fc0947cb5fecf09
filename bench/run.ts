// npm run bench — the performance benchmark, printing figures and ratios. On PGlite with the demo
// preset always; on PostgreSQL with the scale preset when DATABASE_URL is set (in a database of
// its own, `<name>_bench`, made afresh).
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openPglite, openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { loadDataset } from "@/db/seed/load";
import { generatePreset } from "@/db/seed/presets";
import { env } from "@/lib/env";
import { run } from "@/scripts/run";
import { benchEndpoints, printRowCounts, printTimings } from "./metrics";

const COHORT_TARGET_MS = 100;

run(async () => {
  const { values } = parseArgs({ options: { only: { type: "string" }, runs: { type: "string", default: "30" } } });
  const runs = Number(values.runs);
  const anchor = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  console.log(`Holdfast benchmark — ${new Date().toISOString()}, ${runs} runs per figure\n`);

  if (values.only !== "postgres") {
    console.log("PGlite (embedded), demo preset");
    const handle = await openPglite(undefined);
    await migrate(handle);
    let t = performance.now();
    const data = generatePreset("demo", 1, anchor);
    const generated = performance.now() - t;
    t = performance.now();
    await loadDataset(handle.db, data);
    console.log(`  generated in ${(generated / 1000).toFixed(1)} s, loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await printRowCounts(handle.db);
    printTimings(await benchEndpoints(handle.db, anchor, runs));
    await handle.close();
    console.log("");
  }

  const url = env().DATABASE_URL;
  if (values.only !== "pglite" && url) {
    const name = `${decodeURIComponent(new URL(url).pathname.slice(1)) || "holdfast"}_bench`;
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
    await client.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    console.log(`PostgreSQL (${target.host}/${name}), scale preset`);
    const handle = await openPostgres(target.toString(), 4);
    await migrate(handle);
    let t = performance.now();
    const data = generatePreset("scale", 1, anchor);
    const generated = performance.now() - t;
    t = performance.now();
    await loadDataset(handle.db, data);
    const loaded = performance.now() - t;
    await handle.db.execute(sql`analyze`);
    console.log(
      `  generated in ${(generated / 1000).toFixed(1)} s, loaded with rollups in ${(loaded / 1000).toFixed(1)} s ` +
        `(${Math.round(data.events.length / (loaded / 1000))} subscription events/s)`,
    );
    await printRowCounts(handle.db);
    const timings = await benchEndpoints(handle.db, anchor, runs);
    printTimings(timings);
    const cohorts = timings.find((x) => x.name === "cohorts");
    if (cohorts) {
      const verdict = cohorts.p95 <= COHORT_TARGET_MS ? "met" : "NOT met";
      console.log(`  target: cohorts 24×24 p95 ≤ ${COHORT_TARGET_MS} ms — ${verdict} (${cohorts.p95.toFixed(1)} ms, ${(cohorts.p95 / COHORT_TARGET_MS).toFixed(2)} of the budget)`);
    }
    await handle.close();
  } else if (values.only !== "pglite") {
    console.log("PostgreSQL: skipped (set DATABASE_URL=postgres://… to run the scale preset on it).");
  }
});
