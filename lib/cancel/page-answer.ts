// The HTTP side of the customer's cancel page (GET and POST /cancel/<token>): rate limits per token
// and per address, the token's state, the step's HTML, and the post-redirect-get of each form.
import type { Db } from "@/db/client";
import { cancelLossFacts } from "@/db/queries/cancel-loss";
import {
  type LoadedCancelSession,
  type TokenState,
  applyCancelAction,
  cancelSessionByToken,
  hashCancelToken,
  openCancelSession,
} from "@/db/queries/cancel-sessions";
import { hitWindow } from "@/db/queries/rate-limits";
import { clientIp } from "@/lib/http/client-ip";
import { type ParsedCancelForm, parseCancelForm } from "./form";
import { cancelPageHeaders } from "./page-headers";
import { cancelPageModel, wordsLocale } from "./page-model";
import { pageWords } from "./page-words";
import { type CancelNoticeKind, renderCancelNotice, renderCancelPage } from "./render";

/** Requests a minute: per token (one customer clicking), per address (an office behind one NAT). */
export const CANCEL_PAGE_LIMITS = { perToken: 60, perAddress: 300, seconds: 60 };
/** An ended session's goodbye is shown again this long after its end (the customer pressed reload). */
export const GOODBYE_AGAIN_MS = 3_600_000;
const MAX_BODY = 32_768;
/** What newCancelToken makes (base64url), with room; anything else opens nothing without a lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export interface CancelPageContext {
  db: Db;
  /** CANCEL_PAGE_LIMITS unless a test sets its own. */
  limits?: typeof CANCEL_PAGE_LIMITS;
  token: string;
  /** The CSP nonce proxy.ts made for this request. */
  nonce: string;
  /** The installation's CURRENCY. */
  currency: string;
  now?: Date;
}

function page(status: number, body: string, nonce: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: cancelPageHeaders(nonce, extra) });
}

const notice = (status: number, kind: CancelNoticeKind, ctx: CancelPageContext, productName?: string) =>
  page(status, renderCancelNotice(kind, { nonce: ctx.nonce, ...(productName ? { productName } : {}) }), ctx.nonce);

/** 303 to the page itself (post-redirect-get) or to where an offer leads. */
const seeOther = (location: string, nonce: string) =>
  new Response(null, { status: 303, headers: { ...cancelPageHeaders(nonce), location } });

const selfPath = (token: string) => `/cancel/${encodeURIComponent(token)}`;

async function limited(request: Request, ctx: CancelPageContext): Promise<Response | null> {
  const now = ctx.now ?? new Date();
  const { perToken, perAddress, seconds } = ctx.limits ?? CANCEL_PAGE_LIMITS;
  const byAddress = await hitWindow(ctx.db, `cancel-page:ip:${clientIp(request.headers)}`, perAddress, seconds, now);
  const verdict = byAddress.allowed
    ? await hitWindow(ctx.db, `cancel-page:token:${hashCancelToken(ctx.token)}`, perToken, seconds, now)
    : byAddress;
  if (verdict.allowed) return null;
  return page(429, renderCancelNotice("busy", { nonce: ctx.nonce }), ctx.nonce, {
    "retry-after": String(verdict.retryAfter),
  });
}

async function renderStep(
  loaded: LoadedCancelSession,
  ctx: CancelPageContext,
  status = 200,
  error?: string,
): Promise<Response> {
  const now = ctx.now ?? new Date();
  const { session: s, content } = loaded;
  const loss = content.showLoss && s.step === "loss" ? await cancelLossFacts(ctx.db, loaded.account.id, now) : null;
  const html = renderCancelPage(cancelPageModel(loaded, loss), {
    nonce: ctx.nonce,
    formAction: selfPath(ctx.token),
    currency: ctx.currency,
    now,
    ...(error ? { error } : {}),
  });
  return page(status, html, ctx.nonce);
}

/** The page a token's state shows: a step, the goodbye again shortly after the end, or a polite notice. */
async function show(state: TokenState, ctx: CancelPageContext): Promise<Response> {
  const now = ctx.now ?? new Date();
  switch (state.kind) {
    case "unknown":
      return notice(404, "unknown", ctx);
    case "expired":
      return notice(410, "expired", ctx);
    case "ended": {
      const ended = state.loaded.session.endedAt;
      if (ended && now.getTime() - ended.getTime() <= GOODBYE_AGAIN_MS) return renderStep(state.loaded, ctx);
      return notice(410, "used", ctx, state.loaded.content.productName);
    }
    case "live":
      return renderStep(state.loaded, ctx);
  }
}

/** GET /cancel/<token>: records the visit (the first opening) and shows the session's step. */
export async function answerCancelPageGet(request: Request, ctx: CancelPageContext): Promise<Response> {
  const refused = await limited(request, ctx);
  if (refused) return refused;
  if (!TOKEN_SHAPE.test(ctx.token)) return notice(404, "unknown", ctx);
  return show(await openCancelSession(ctx.db, ctx.token, ctx.now ?? new Date()), ctx);
}

/**
 * POST /cancel/<token>: one form's action. Done → 303 to the page (or to a talk-to-us link);
 * refused as invalid → the step again with the refusal (422); any other refusal (another step, an
 * ended or expired session) → 303 to the page, which shows where the session is.
 */
export async function answerCancelPagePost(request: Request, ctx: CancelPageContext): Promise<Response> {
  const refused = await limited(request, ctx);
  if (refused) return refused;
  if (!TOKEN_SHAPE.test(ctx.token)) return notice(404, "unknown", ctx);
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return seeOther(selfPath(ctx.token), ctx.nonce);
  const body = await request.text();
  const now = ctx.now ?? new Date();
  // The step again with the refusal, keeping what the customer typed.
  const again = (loaded: LoadedCancelSession, freeText: string | null, message: string) =>
    renderStep(freeText !== null ? { ...loaded, session: { ...loaded.session, freeText } } : loaded, ctx, 422, message);
  const tooLarge: ParsedCancelForm = { ok: false, message: "The form was too large to read.", freeText: null };
  const form = body.length > MAX_BODY ? tooLarge : parseCancelForm(body);
  if (!form.ok) {
    const state = await cancelSessionByToken(ctx.db, ctx.token, now);
    if (state.kind !== "live") return seeOther(selfPath(ctx.token), ctx.nonce);
    return again(state.loaded, form.freeText, form.message);
  }
  const result = await applyCancelAction(ctx.db, ctx.token, form.action, form.step, now);
  if (result.ok) return seeOther(result.redirect ?? selfPath(ctx.token), ctx.nonce);
  if (result.reason === "invalid" && result.state.kind === "live")
    return again(
      result.state.loaded,
      form.freeText,
      result.problem
        ? pageWords(wordsLocale(result.state.loaded.flowLocales, result.state.loaded.session.locale)).problem(
            result.problem,
          )
        : "Please check your answer.",
    );
  return seeOther(selfPath(ctx.token), ctx.nonce);
}
