// The e2e server: a production build on a fresh embedded database in a temporary folder, loaded
// with the demo preset (seed 1) at the anchor day the specs use, on E2E_PORT.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { exited, serve } from "@/scripts/serve";
import { run } from "@/scripts/run";
import { e2eAnchor, e2ePort } from "./env";

run(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-e2e-"));
  process.env.HOLDFAST_DATA_DIR = dir;
  // The e2e suite always runs on its own embedded database, never on a configured server.
  delete process.env.DATABASE_URL;
  buildIfNeeded();
  const { withDatabase } = await import("@/db/open");
  const { loadDataset } = await import("@/db/seed/load");
  const { generatePreset } = await import("@/db/seed/presets");
  await withDatabase(({ db }) => loadDataset(db, generatePreset("demo", 1, e2eAnchor())));
  const server = serve(e2ePort(), { HOLDFAST_DATA_DIR: dir, AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef" });
  const code = await exited(server);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = code;
});
