// npm run dev — the same first-start steps as npm start (secret, migrate, demo data, logins), then `next dev`.
import { env } from "@/lib/env";
import { authSecret, prepareDatabase, printWelcome } from "./prepare";
import { run } from "./run";
import { exited, serve, waitForHealth } from "./serve";

run(async () => {
  const port = env().PORT;
  const secret = authSecret();
  const logins = await prepareDatabase();
  const url = `http://localhost:${port}`;
  // On a developer's machine cancel links may point at the development server and lead back to it;
  // `npm start` sets no such default (a wrong address in a customer's link is worse than a 503).
  const origins = env().CANCEL_RETURN_ORIGINS;
  const server = serve(
    port,
    {
      AUTH_SECRET: secret,
      PUBLIC_URL: env().PUBLIC_URL ?? url,
      CANCEL_RETURN_ORIGINS: origins.length > 0 ? origins.join(",") : url,
    },
    "dev",
  );
  // The first request compiles the route: give the development server longer than a production one.
  if (!(await waitForHealth(url, 180_000))) throw new Error(`The server did not answer on ${url}/api/health.`);
  printWelcome(url, logins);
  process.exitCode = await exited(server);
});
