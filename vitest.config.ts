import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Database tests run on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set: every
// test under db/, and a test elsewhere that needs a database is named `*.db.test.ts` (an HTTP mapping
// tested end to end lives beside lib/http, not in db/, so db/ never imports lib/http).
const dbTests = ["db/**/*.test.ts", "**/*.db.test.ts"];
const unitTests = ["lib/**/*.test.ts", "**/*.unit.test.ts"];
const alias = { "@": path.resolve(import.meta.dirname) };
const engines = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", "./test/count-reporter.ts"],
    // Files and the tests in each run in a random order, so a test that leans on another's data
    // fails. The run prints its seed; `--sequence.seed=N` repeats an order. Every project takes
    // this from the root (vitest 4 reads `sequence` only here).
    sequence: { shuffle: true },
    // Vitest's default is one worker fewer than the cores (one, on a two-core CI machine). Every file
    // has its own database, so files run side by side; PostgreSQL tests spend much of their time
    // waiting on the server, so one worker more than the cores keeps both busy.
    maxWorkers: Math.max(2, os.availableParallelism() + 1),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: unitTests,
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      ...engines.map((engine) => ({
        resolve: { alias },
        test: {
          name: engine,
          include: dbTests,
          exclude: ["**/*.unit.test.ts", "node_modules/**"],
          environment: "node",
          globalSetup: [`test/global-setup-${engine}.ts`],
          env: { HOLDFAST_TEST_ENGINE: engine },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
