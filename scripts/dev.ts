// npm run dev — the same first-start steps as npm start (secret, migrate, demo data, logins), then `next dev`.
import { env } from "@/lib/env";
import { authSecret, prepareDatabase, printWelcome } from "./prepare";
import { run } from "./run";
import { exited, serve, waitForHealth } from "./serve";

run(async () => {
  const port = env().PORT;
  const secret = authSecret();
  const logins = await prepareDatabase();
  const server = serve(port, { AUTH_SECRET: secret }, "dev");
  const url = `http://localhost:${port}`;
  // The first request compiles the route: give the development server longer than a production one.
  if (!(await waitForHealth(url, 180_000))) throw new Error(`The server did not answer on ${url}/api/health.`);
  printWelcome(url, logins);
  process.exitCode = await exited(server);
});
