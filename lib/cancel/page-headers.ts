// The headers of every answer of the customer's cancel page: no caching, no referrer (the token is
// in the URL), not indexed, and a Content-Security-Policy that allows no script at all, only the
// page's one nonce-tagged stylesheet, https logos, and forms that post to this server (and follow
// a talk-to-us link's redirect to an https page).

/** The cancel page's CSP; proxy.ts sets the same one with the request's nonce. */
export function cancelPagePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' https: data:",
    "form-action 'self' https:",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function cancelPageHeaders(nonce: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex",
    "x-content-type-options": "nosniff",
    "content-security-policy": cancelPagePolicy(nonce),
    ...extra,
  };
}
