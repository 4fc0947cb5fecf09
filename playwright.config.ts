import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { e2eAnchor, e2eBaseUrl, e2ePort } from "./e2e/env";

// Debian's Chromium by default (browsers cannot be downloaded here): its headless shell when installed
// (package chromium-headless-shell: the same engine without the browser's UI, as Playwright's own
// headless runs use; a quarter less CPU per page on two cores), else the browser. Elsewhere set
// PLAYWRIGHT_CHROMIUM_EXECUTABLE, or have neither to use Playwright's own.
const DEBIAN_CHROMIUM = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? DEBIAN_CHROMIUM.find((file) => fs.existsSync(file));

// Fix the demo data's anchor day once, for the server and every worker.
e2eAnchor();

export default defineConfig({
  testDir: "e2e",
  // Beside the vitest counts CI reads from test-results/, which Playwright must not wipe.
  outputDir: "test-results/e2e",
  // A page view costs about two CPU-seconds on a two-core machine (the server's render and the
  // browser's hydration), and the two workers share those cores with the server: a test that walks
  // several pages, or signs in three times, needs more than Playwright's 30 s there.
  timeout: 60_000,
  // The charts' code is a chunk fetched after hydration: on two busy cores it has been seen to take
  // over 10 s to draw.
  expect: { timeout: 20_000 },
  // Tests, not files, are spread over the workers: each spec makes its own data (a file that must
  // run in order says so with `test.describe.configure({ mode: "serial" })`).
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl(),
    trace: "retain-on-failure",
    // The texts the specs expect are in this locale and zone; e2e/locale.spec.ts reads others.
    locale: "en-US",
    timezoneId: "UTC",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: "npx tsx e2e/server.ts",
    url: `${e2eBaseUrl()}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(e2ePort()), E2E_ANCHOR: process.env.E2E_ANCHOR ?? "" },
  },
});
