// The caller's address for rate limits and the audit log: the first X-Forwarded-For hop (set it at
// your reverse proxy), else X-Real-IP, else "direct".
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || "direct").slice(0, 100);
}
