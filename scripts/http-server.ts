// Holdfast's HTTP server: Next behind a Node server that sets the caller's address from the socket
// (and the X-Forwarded-For of TRUSTED_PROXIES only) before Next sees the request.
import { createServer } from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { rewriteClientHeaders } from "@/lib/http/client-headers";
import { normalizeAddress, parseCidrs } from "@/lib/http/forwarded";

const dev = process.argv.includes("--dev");
const port = env().PORT;
const trusted = parseCidrs(env().TRUSTED_PROXIES);
let warned = false;
const warnOnce = (socket: string) => {
  if (warned) return;
  warned = true;
  console.warn(
    `Holdfast: ignoring X-Forwarded-For from ${normalizeAddress(socket)}, which is not in TRUSTED_PROXIES; the caller's address is the socket's. Behind a reverse proxy, set TRUSTED_PROXIES to its address.`,
  );
};

const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => {
  rewriteClientHeaders(req, trusted, warnOnce);
  void handle(req, res);
});
// Keep idle connections longer than the 5 s default, so a client (or a proxy in front, whose own
// idle timeout is commonly 60 s) rarely sends a request on a socket this server is closing.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, () => console.log(`Holdfast is listening on port ${port}${dev ? " (development)" : ""}.`));
// With the database open, db/client.ts closes it on the signal and then exits; without, exit here.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    if (!globalThis.__holdfastDb) process.exit(signal === "SIGINT" ? 130 : 143);
  });
