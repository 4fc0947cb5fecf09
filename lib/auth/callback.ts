// Where to go after signing in: only a path of this application is followed. The value is resolved
// with the WHATWG URL parser (as a browser would resolve a Location) against a fixed origin, and
// kept only when the origin is unchanged; what is returned is the parser's own spelling of the path.

const HOME = "http://holdfast.invalid";

/** The normalised path (with query and fragment) `value` names on `origin`, or null when it leaves it. */
export function sameOriginPath(value: unknown, origin = HOME): string | null {
  if (typeof value !== "string" || value === "") return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = url.pathname + url.search + url.hash;
  // A dot segment can leave a path starting with two slashes ("/.//host"), which reads as a host.
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}

/**
 * After signing in: a path of this application other than the sign-in page, else `fallback`. Only a
 * value written as a path is taken (the proxy writes it so); an address, even of this site, is not.
 */
export function safeCallbackPath(value: unknown, fallback = "/overview"): string {
  const path = typeof value === "string" && value.startsWith("/") ? sameOriginPath(value) : null;
  if (!path) return fallback;
  const { pathname } = new URL(path, HOME);
  return pathname === "/sign-in" || pathname.startsWith("/sign-in/") ? fallback : path;
}

/** For Auth.js's redirect callback: an absolute URL on `baseUrl`, the app's home when `url` leaves it. */
export function safeCallbackUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  return `${origin}${sameOriginPath(url, origin) ?? "/"}`;
}
