// Writes with a session cookie must come from Holdfast's own pages, as server actions must: the
// Origin is this server's own (or, without one, Sec-Fetch-Site says same-origin), and the body is
// the JSON the page sends, so a form or a text/plain body from another site cannot use the cookie.
import { problem } from "./problem";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this request may come from: its URL's, and its Host (behind a trusted proxy, its forwarded host). */
function ownOrigins(request: Request): string[] {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return host ? [url.origin, `${proto.split(",")[0]?.trim()}://${host.split(",")[0]?.trim()}`] : [url.origin];
}

/** 403 for a cookie write from another origin, or one that says neither Origin nor Sec-Fetch-Site; else null. */
export function refuseCrossOrigin(request: Request): Response | null {
  if (SAFE.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const sameOrigin =
    origin !== null
      ? ownOrigins(request).includes(origin) && (site === null || site === "same-origin")
      : site === "same-origin";
  if (sameOrigin) return null;
  return problem(
    403,
    "Forbidden",
    origin === null
      ? "A signed-in write must say where it comes from (Origin or Sec-Fetch-Site); send it from Holdfast's own pages."
      : `A signed-in write must come from Holdfast's own pages, not from ${origin.slice(0, 200)}.`,
  );
}

/** 415 for a write whose body is not `type` (a form or text/plain post from a page elsewhere); else null. */
export function refuseBodyType(request: Request, type = "application/json"): Response | null {
  if (SAFE.has(request.method.toUpperCase())) return null;
  const sent = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return sent === type ? null : problem(415, "Unsupported Media Type", `Send the body as ${type}.`);
}
