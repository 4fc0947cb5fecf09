// The e2e server: a production build on a fresh embedded database in a temporary folder, loaded
// with the demo preset (seed 1) at the anchor day the specs use, on E2E_PORT; and beside it, on
// the next port, a new installation with no data and one admin (e2e/empty.spec.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { exited, serve } from "@/scripts/serve";
import { run } from "@/scripts/run";
import { EMPTY_ADMIN, e2eAnchor, e2eBaseUrl, e2ePort } from "./env";

run(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-e2e-"));
  process.env.HOLDFAST_DATA_DIR = dir;
  // The e2e suite always runs on its own embedded database, never on a configured server.
  delete process.env.DATABASE_URL;
  // `npm test` runs `npm run typecheck` before this suite: the build need not check the types again.
  buildIfNeeded({ typechecked: true });
  const { withDatabase } = await import("@/db/open");
  const { loadDataset } = await import("@/db/seed/load");
  const { generatePreset } = await import("@/db/seed/presets");
  await withDatabase(({ db }) => loadDataset(db, generatePreset("demo", 1, e2eAnchor())));
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-e2e-empty-"));
  const { openPglite } = await import("@/db/client");
  const { migrate } = await import("@/db/migrate");
  const { createUser } = await import("@/db/queries/users");
  const { SYSTEM_ACTOR } = await import("@/db/queries/audit");
  const empty = await openPglite(path.join(emptyDir, "pglite"));
  await migrate(empty);
  await createUser(empty.db, { ...EMPTY_ADMIN, role: "admin" }, SYSTEM_ACTOR);
  await empty.close();
  const secret = "e2e-secret-0123456789abcdef0123456789abcdef";
  // Webhooks may reach the specs' own receivers on 127.0.0.1 over http (e2e/webhooks.spec.ts); cancel
  // links point at this server, and may lead back to it or to app.example.com.
  const server = serve(e2ePort(), {
    HOLDFAST_DATA_DIR: dir,
    AUTH_SECRET: secret,
    ALLOW_PRIVATE_WEBHOOKS: "true",
    PUBLIC_URL: e2eBaseUrl(),
    CANCEL_RETURN_ORIGINS: `${e2eBaseUrl()},https://app.example.com`,
    // A link must be opened within a minute: the specs open theirs at once, and one waits it out.
    CANCEL_SESSION_MINUTES: "1",
  });
  const emptyServer = serve(e2ePort() + 1, {
    HOLDFAST_DATA_DIR: emptyDir,
    AUTH_SECRET: secret,
    HEALTH_REFRESH_SECONDS: "2",
  });
  const code = await exited(server);
  emptyServer.kill("SIGTERM");
  await exited(emptyServer);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(emptyDir, { recursive: true, force: true });
  process.exitCode = code;
});
