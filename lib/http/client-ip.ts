// The caller's address for rate limits and the audit log, as Holdfast's HTTP server set it from the
// socket and TRUSTED_PROXIES (scripts/http-server.ts): the client cannot choose it.
export function clientIp(headers: Headers): string {
  const set = headers.get("x-holdfast-client-ip") ?? headers.get("x-forwarded-for")?.split(",")[0];
  return (set?.trim() || "direct").slice(0, 100);
}
