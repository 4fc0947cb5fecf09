// The address of a test's own HTTP server, read from the listening socket without a cast.
import type { Server } from "node:http";

/** `http://127.0.0.1:<port>` of a server listening on a TCP port of 127.0.0.1. */
export function urlOf(server: Server): string {
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("The test server is not listening on a TCP port.");
  return `http://127.0.0.1:${address.port}`;
}
