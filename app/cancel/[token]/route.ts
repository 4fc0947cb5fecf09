// The customer's cancel page, /cancel/<token> (SPEC §7): no sign-in, no cookies, no JavaScript —
// server-rendered HTML and plain forms. GET shows the session's step; POST applies one form.
import { getDb } from "@/db/client";
import { answerCancelPageGet, answerCancelPagePost } from "@/lib/cancel/page-answer";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

async function context(request: Request, { params }: Context) {
  return {
    db: await getDb(),
    token: (await params).token,
    // proxy.ts made the nonce and set the page's CSP with it; without the proxy, a nonce of its own.
    nonce: request.headers.get("x-nonce") ?? btoa(crypto.randomUUID()),
    currency: env().CURRENCY,
  };
}

export async function GET(request: Request, ctx: Context): Promise<Response> {
  return answerCancelPageGet(request, await context(request, ctx));
}

export async function POST(request: Request, ctx: Context): Promise<Response> {
  return answerCancelPagePost(request, await context(request, ctx));
}
