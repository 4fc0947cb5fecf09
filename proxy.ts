// First pass only: sends visitors without a session cookie to sign-in (pages) or lets API routes
// answer 401 themselves; the real decision is made on the server by requireUser/withUser for
// every page and route. It also sets a per-request nonce Content-Security-Policy (Next.js puts
// the nonce on its own scripts) and tells the server which path was asked for. The customer's
// cancel page (/cancel/<token>) is public, runs no script, and sends no referrer.
import { type NextRequest, NextResponse } from "next/server";
import { cancelPagePolicy } from "@/lib/cancel/page-headers";
import { decodeParam } from "@/lib/input-checks";

const PUBLIC = [
  /^\/sign-in$/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/api-docs$/,
  /^\/api\/webhooks\/stripe$/,
  /^\/cancel\/[^/]+$/,
];
const CANCEL_PAGE = /^\/cancel\//;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and widths are drawn with style attributes; scripts are what a nonce must guard.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const cancelPage = CANCEL_PAGE.test(pathname);
  const csp = cancelPage
    ? cancelPagePolicy(nonce)
    : contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    response.headers.set("X-Content-Type-Options", "nosniff");
    response.headers.set("Referrer-Policy", cancelPage ? "no-referrer" : "same-origin");
    return response;
  };
  const pass = () => {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    headers.set("x-holdfast-path", pathname);
    return secure(NextResponse.next({ request: { headers } }));
  };
  // A path that is not percent-encoded UTF-8 (`%E0%A4%A`, a lone surrogate as `%ED%A0%80`) names no
  // page or route; the router would fail decoding it with a 500.
  if (decodeParam(pathname) === null)
    return secure(new NextResponse("Bad request: the path is not valid percent-encoded UTF-8.", { status: 400 }));
  if (PUBLIC.some((p) => p.test(pathname))) return pass();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  // API routes may also be called with an API key; they check it themselves.
  if (hasSession || pathname.startsWith("/api/")) return pass();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
  return secure(NextResponse.redirect(url));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
