// Rewrites a Node request before Next sees it: the caller's address comes from the socket, and the
// forwarding headers are believed only from the proxies named in TRUSTED_PROXIES.
import type { IncomingMessage } from "node:http";
import { type Cidr, clientAddress, isTrusted } from "./forwarded";

/** The header Holdfast reads the caller's address from (any copy a client sent is replaced). */
export const CLIENT_IP_HEADER = "x-holdfast-client-ip";

/**
 * Sets `x-forwarded-for` and `x-holdfast-client-ip` to the client's address. From a socket that is
 * not a trusted proxy, the client's own X-Forwarded-Host and X-Forwarded-Proto go too, so the
 * request's origin is its Host. `onUntrusted` is called when forwarding headers came from elsewhere.
 */
export function rewriteClientHeaders(
  req: IncomingMessage,
  trusted: Cidr[],
  onUntrusted?: (socketAddress: string) => void,
): string {
  const socket = req.socket.remoteAddress ?? "0.0.0.0";
  const sent = req.headers["x-forwarded-for"];
  const forwardedFor = Array.isArray(sent) ? sent.join(",") : sent;
  const fromProxy = isTrusted(socket, trusted);
  if (!fromProxy) {
    if (forwardedFor) onUntrusted?.(socket);
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  const client = clientAddress(socket, forwardedFor, trusted);
  req.headers["x-forwarded-for"] = client;
  req.headers[CLIENT_IP_HEADER] = client;
  delete req.headers["x-real-ip"];
  return client;
}
