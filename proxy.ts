// First pass only: sends visitors without a session cookie to sign-in (pages) or answers 401 (API).
// The real decision is made on the server by requireUser/withUser for every page and route.
import { type NextRequest, NextResponse } from "next/server";

const PUBLIC = [/^\/sign-in$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/v1\/openapi\.json$/, /^\/api-docs$/, /^\/api\/webhooks\/stripe$/];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  // API routes may also be called with an API key; they check it themselves.
  if (hasSession || pathname.startsWith("/api/")) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
