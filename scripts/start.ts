// npm start — build if needed, migrate, load the demo data into an empty database, serve, print logins.
import { env } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { authSecret, prepareDatabase, printWelcome } from "./prepare";
import { run } from "./run";
import { exited, serve, waitForHealth } from "./serve";

run(async () => {
  const port = env().PORT;
  const secret = authSecret();
  buildIfNeeded();
  const logins = await prepareDatabase();
  const server = serve(port, { AUTH_SECRET: secret });
  const url = `http://localhost:${port}`;
  if (!(await waitForHealth(url))) throw new Error(`The server did not answer on ${url}/api/health.`);
  printWelcome(url, logins);
  process.exitCode = await exited(server);
});
