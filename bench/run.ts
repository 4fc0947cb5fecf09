// npm run bench — the performance benchmark, printing figures and ratios. On PGlite with the demo
// preset always; on PostgreSQL with the scale preset when DATABASE_URL is set (in a database of
// its own, `<name>_bench`, made afresh). Ingestion goes through the real HTTP API (next start).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { asc, count, eq, sql } from "drizzle-orm";
import pg from "pg";
import { type DbHandle, openPglite, openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { createApiKey } from "@/db/queries/api-keys";
import { recomputeHealth } from "@/db/queries/health";
import { listAnswers } from "@/db/queries/workbench";
import { previewRule } from "@/db/queries/workbench-rules";
import { accounts, cancellationResponses } from "@/db/schema";
import { loadDataset } from "@/db/seed/load";
import { type Preset, generatePreset } from "@/db/seed/presets";
import { env } from "@/lib/env";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { run } from "@/scripts/run";
import { activityBatches, copyPglite, copyPostgres, postBatches, withServer } from "./ingest";
import { benchEndpoints, printRowCounts, printTimings } from "./metrics";
import { stopPgliteWhileIngesting } from "@/test/faults/pglite-stop";
import { runPgKillCycles } from "@/test/faults/pg-kill";
import { measurePages, printPages } from "./browser";
import { loadTest, printLoad, signInCookie } from "./load";
import { ms, timeRuns } from "./stats";
import { benchJobQueue } from "./jobs";
import { benchCancelPage, printCancel } from "./cancel";
import { benchAlertEmail, printAlertEmail } from "./alerts";

/** The alert e-mail's latency on a fresh demo set of its own (its rule and accounts touch no other figure). */
async function alertEmailOnDemo(anchor: Date) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-bench-alerts-"));
  try {
    const handle = await openPglite(path.join(dir, "pglite"));
    await migrate(handle);
    await loadDataset(handle.db, generatePreset("demo", 1, anchor));
    await handle.close();
    return await benchAlertEmail({ dir, port: 3304 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const COHORT_TARGET_MS = 100;
const INGEST_TARGET_PER_S = 50_000;
const BATCH = 5000;

async function prepare(handle: DbHandle, preset: Preset, anchor: Date, runs: number) {
  await migrate(handle);
  let t = performance.now();
  const data = generatePreset(preset, 1, anchor);
  const generated = performance.now() - t;
  t = performance.now();
  await loadDataset(handle.db, data);
  const loaded = performance.now() - t;
  if (handle.engine === "postgres") await handle.db.execute(sql`analyze`);
  console.log(
    `  generated in ${(generated / 1000).toFixed(1)} s; loaded with rollups in ${(loaded / 1000).toFixed(1)} s ` +
      `(${Math.round(data.events.length / (loaded / 1000))} subscription events/s)`,
  );
  await printRowCounts(handle.db);
  const timings = await benchEndpoints(handle.db, anchor, runs);
  printTimings(timings);
  // Every account re-scored (the hourly run, and what saving the settings does), beside the
  // same score for only the accounts one ingest batch touches (the 30-second run).
  t = performance.now();
  const all = await recomputeHealth(handle.db, anchor);
  const full = performance.now() - t;
  const some = (
    await handle.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.status, "active"))
      .orderBy(asc(accounts.id))
      .limit(5000)
  ).map((r) => r.id);
  t = performance.now();
  await recomputeHealth(handle.db, anchor, some);
  const partial = performance.now() - t;
  console.log(
    `  health: all ${all.scored.toLocaleString("en-US")} scored accounts in ${(full / 1000).toFixed(2)} s ` +
      `(${Math.round(all.scored / (full / 1000)).toLocaleString("en-US")} accounts/s, ${all.belowThreshold.toLocaleString("en-US")} below the threshold); ` +
      `${some.length.toLocaleString("en-US")} accounts of one batch in ${(partial / 1000).toFixed(2)} s`,
  );
  // The categorizing workbench on every answer of the preset: a page, a search, a rule preview.
  const answers = (await handle.db.select({ n: count() }).from(cancellationResponses))[0]?.n ?? 0;
  const words = ["budget", "price", "notion", "support", "closed"];
  const page = await timeRuns(runs, (i) =>
    listAnswers(handle.db, { category: i % 2 ? "cat_uncategorized" : "cat_price_value", page: 1 + (i % 3) }),
  );
  const search = await timeRuns(runs, (i) =>
    listAnswers(handle.db, { category: "cat_uncategorized", q: words[i % words.length], page: 1 }),
  );
  const preview = await timeRuns(runs, (i) =>
    previewRule(handle.db, { pattern: words[i % words.length] ?? "budget", matchKind: "keyword", reasonCode: null }),
  );
  console.log(
    `  workbench over ${answers.toLocaleString("en-US")} answers: page p50 ${ms(page.p50).trim()} p95 ${ms(page.p95).trim()}; ` +
      `search p50 ${ms(search.p50).trim()} p95 ${ms(search.p95).trim()}; rule preview p50 ${ms(preview.p50).trim()} p95 ${ms(preview.p95).trim()}`,
  );
  const key = await createApiKey(
    handle.db,
    { name: "bench", scopes: ["ingest"], rateLimitPerMinute: 1_000_000 },
    SYSTEM_ACTOR,
  );
  const externalIds = (
    await handle.db.select({ externalId: accounts.externalId }).from(accounts).orderBy(asc(accounts.id)).limit(5000)
  ).map((r) => r.externalId);
  return { timings, key: key.key, accounts: externalIds };
}

function printIngest(events: number, apiSeconds: number, copySeconds: number, target: boolean) {
  const api = events / apiSeconds;
  const copy = events / copySeconds;
  console.log(`  ingest ${events} activity events in batches of ${BATCH}:`);
  console.log(
    `    HTTP API  ${Math.round(api).toLocaleString("en-US").padStart(10)} events/s (${apiSeconds.toFixed(1)} s, rollups current on each answer)`,
  );
  console.log(
    `    COPY      ${Math.round(copy).toLocaleString("en-US").padStart(10)} events/s (${copySeconds.toFixed(1)} s, raw rows, no rollups)`,
  );
  console.log(`    API ÷ COPY ${((100 * api) / copy).toFixed(1)} %`);
  if (target) {
    console.log(
      `  target: ingest ≥ ${INGEST_TARGET_PER_S.toLocaleString("en-US")} events/s — ${api >= INGEST_TARGET_PER_S ? "met" : "NOT met"} (${(api / INGEST_TARGET_PER_S).toFixed(2)}×); aim API ÷ COPY ≥ 25 % — ${api / copy >= 0.25 ? "met" : "NOT met"}`,
    );
  }
}

run(async () => {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      runs: { type: "string", default: "30" },
      batches: { type: "string", default: "40" },
      "load-seconds": { type: "string", default: "30" },
      "fault-cycles": { type: "string", default: "20" },
      "lighthouse-runs": { type: "string", default: "5" },
      "cancel-sessions": { type: "string", default: "200" },
      "cancel-lighthouse-runs": { type: "string", default: "3" },
    },
  });
  const loadSeconds = Number(values["load-seconds"]);
  const lighthouseRuns = Number(values["lighthouse-runs"]);
  const runs = Number(values.runs);
  const batches = Number(values.batches);
  const anchor = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  // The job queue needs neither a build nor a data set: `--only jobs` runs that section alone.
  if (values.only === "jobs") return benchJobQueue({ pglite: true, postgresUrl: env().DATABASE_URL });
  buildIfNeeded();
  console.log(`Holdfast benchmark — ${new Date().toISOString()}, ${runs} runs per figure\n`);
  const cancel = {
    port: 3303,
    sessions: Number(values["cancel-sessions"]),
    lighthouseRuns: Number(values["cancel-lighthouse-runs"]),
  };
  // The customer's cancel page alone: the demo preset on PGlite, served, measured over HTTP and in Chromium.
  if (values.only === "cancel") {
    console.log("PGlite (embedded), demo preset: the cancel page");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-bench-"));
    try {
      const handle = await openPglite(path.join(dir, "pglite"));
      await migrate(handle);
      await loadDataset(handle.db, generatePreset("demo", 1, anchor));
      await handle.close();
      printCancel(await benchCancelPage({ dir, ...cancel }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return;
  }

  // From the ingest call to the alert e-mail: the demo preset on PGlite, served with an SMTP server here.
  if (values.only === "alerts") {
    console.log("PGlite (embedded), demo preset: alert e-mail");
    printAlertEmail(await alertEmailOnDemo(anchor));
    return;
  }

  if (values.only !== "postgres") {
    console.log("PGlite (embedded), demo preset");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-bench-"));
    try {
      const handle = await openPglite(path.join(dir, "pglite"));
      const { key, accounts } = await prepare(handle, "demo", anchor, runs);
      await handle.close();
      const rows = activityBatches(accounts, Math.max(4, Math.floor(batches / 4)), BATCH, anchor);
      const { apiSeconds, load, browser } = await withServer(
        3301,
        { HOLDFAST_DATA_DIR: dir, DATABASE_URL: "" },
        async (url) => {
          const apiSeconds = await postBatches(url, key, rows, 1);
          const cookie = await signInCookie(url, "admin@holdfast.local", "holdfast-admin");
          const pages = [
            { path: "/overview", chart: true },
            { path: "/cohorts", chart: true },
            { path: "/reasons", chart: true },
            { path: "/at-risk", chart: false },
            { path: `/accounts/${accounts[0] ?? ""}`, chart: false },
          ];
          const browser = lighthouseRuns > 0 ? await measurePages(url, cookie, pages, lighthouseRuns) : [];
          const load = loadSeconds > 0 ? await loadTest(url, cookie, key, accounts, loadSeconds) : [];
          return { apiSeconds, load, browser };
        },
      );
      const copySeconds = await copyPglite(path.join(dir, "pglite"), rows);
      printIngest(rows.length * BATCH, apiSeconds, copySeconds, false);
      if (browser.length > 0) printPages(browser, lighthouseRuns);
      if (load.length > 0) printLoad(load);
      printCancel(await benchCancelPage({ dir, ...cancel }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    printAlertEmail(await alertEmailOnDemo(anchor));
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
    const { timings, key, accounts } = await prepare(handle, "scale", anchor, runs);
    await handle.close();
    const cohorts = timings.find((x) => x.name === "cohorts");
    if (cohorts) {
      const verdict = cohorts.p95 <= COHORT_TARGET_MS ? "met" : "NOT met";
      console.log(
        `  target: cohorts 24×24 p95 ≤ ${COHORT_TARGET_MS} ms — ${verdict} (${cohorts.p95.toFixed(1)} ms, ${(cohorts.p95 / COHORT_TARGET_MS).toFixed(2)} of the budget)`,
      );
    }
    const rows = activityBatches(accounts, batches, BATCH, anchor);
    const apiSeconds = await withServer(3302, { DATABASE_URL: target.toString() }, (u) => postBatches(u, key, rows, 2));
    const copySeconds = await copyPostgres(target.toString(), rows);
    printIngest(rows.length * BATCH, apiSeconds, copySeconds, true);
  } else if (values.only !== "pglite") {
    console.log("PostgreSQL: skipped (set DATABASE_URL=postgres://… to run the scale preset on it).");
  }

  const cycles = Number(values["fault-cycles"]);
  if (cycles > 0 && values.only !== "pglite") {
    console.log(
      `\nFaults: PostgreSQL stopped immediately (pg_ctl stop -m immediate) in the middle of ingestion, ${cycles} times, on a throwaway cluster`,
    );
    const report = await runPgKillCycles(cycles, 55499, (line) => console.log(line));
    if (!report) console.log("  skipped: no PostgreSQL binaries (initdb, pg_ctl) on this machine");
    else
      console.log(
        `  ${report.lost} cycles lost an acknowledged batch; ${report.wrong} counted an event twice or not at all — ${report.lost + report.wrong === 0 ? "exactly once held" : "NOT exactly once"}`,
      );
  }
  if (values.only !== "postgres") {
    console.log("\nFaults: an ingesting process holding embedded PGlite, stopped");
    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      const r = await stopPgliteWhileIngesting(signal);
      console.log(
        `  ${signal}: ${r.acknowledged} batches acknowledged; ${r.reopened ? `the folder reopened with ${r.present} of them` : `the folder did not reopen (${r.error})`}`,
      );
    }
  }
  await benchJobQueue({ pglite: values.only !== "postgres", postgresUrl: values.only === "pglite" ? undefined : url });
});
