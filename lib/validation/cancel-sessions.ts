// The body of POST /api/v1/cancel-sessions (SPEC §7), shared by the handler and the OpenAPI
// document; and the locale a session speaks when the body names none (the request's Accept-Language).
import { z } from "zod";
import type { CancelSessionWire } from "@/lib/types/cancel-flow";
import { CANCEL_SESSION_STATUSES, SAVE_OFFERS } from "@/lib/values";
import { safeText, text } from "./text";

/** A BCP 47 tag as Intl knows it (`de-AT`, `pt-BR`), canonicalised; null when it is none. */
export function canonicalLocale(tag: string): string | null {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export const DEFAULT_LOCALE = "en-US";

/** The first valid tag of an Accept-Language header, in the order the client prefers them; else en-US. */
export function localeFromAcceptLanguage(header: string | null): string {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    const locale = canonicalLocale(r.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

const optionalText = (max: number) => safeText(max).trim().min(1, "must not be empty").nullish();

export const createCancelSessionSchema = z
  .strictObject({
    accountExternalId: safeText(200).trim().min(1, "must not be empty"),
    userRef: optionalText(200),
    email: text().trim().toLowerCase().max(254).email("must be an e-mail address").nullish(),
    returnUrl: safeText(2000)
      .trim()
      .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "must be an http(s) URL"),
    locale: text()
      .trim()
      .refine((v) => canonicalLocale(v) !== null, "must be a BCP 47 language tag such as en-US or de-AT")
      .transform((v) => canonicalLocale(v) ?? v)
      .optional(),
    flow: safeText(100).trim().min(1, "must not be empty").optional(),
  })
  .describe("Starts a cancel session for one account; the customer's browser is sent to the answer's url.");

export type CreateCancelSessionBody = z.output<typeof createCancelSessionSchema>;

/** The largest body the endpoint reads: every field at its longest is far below it. */
export const MAX_CANCEL_SESSION_BODY_BYTES = 64 * 1024;

/** A session id in a URL: what `cs_…` ids can be. */
export const cancelSessionIdParam = safeText(100).min(1, "must not be empty");

/** The 201 answer of POST /api/v1/cancel-sessions (the OpenAPI document's, and the tests read answers through it). */
export const cancelSessionCreatedSchema = z
  .strictObject({
    id: z.string().describe("The session's id (cs_…), for GET /api/v1/cancel-sessions/{id} and the webhook"),
    url: z.string().describe("<PUBLIC_URL>/cancel/<token>: send the customer's browser here"),
    expiresAt: z.string().describe("ISO 8601: the link must be opened before this, or the session expires"),
  })
  .describe("A cancel session just started");

const offerShownSchema = z
  .strictObject({
    kind: z.enum(SAVE_OFFERS),
    months: z.number().int().optional(),
    percent: z.number().optional(),
    plan: z.string().optional(),
  })
  .describe("The offer shown for the chosen reason (pause: months once accepted; discount: percent and months)");

/** GET /api/v1/cancel-sessions/{id} and the data of the cancel_session.completed webhook. */
export const cancelSessionWireSchema = z
  .strictObject({
    id: z.string(),
    accountExternalId: z.string(),
    status: z.enum(CANCEL_SESSION_STATUSES),
    flowVersion: z.number().int().describe("The version of the flow the session started on"),
    variant: z.string().nullable().describe("The offer experiment's variant; null without one"),
    reasonCode: z
      .string()
      .nullable()
      .describe("The chosen reason's code; other for something else; no_answer when canceled before choosing"),
    freeText: z.string().nullable(),
    offer: offerShownSchema.nullable(),
    startedAt: z.string().describe("ISO 8601: first opened (made, until it is opened)"),
    endedAt: z.string().nullable(),
  })
  .describe("A cancel session");

// The schema gives exactly the wire type the queries build, so the two cannot drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const wireIsCancelSessionWire: Same<z.output<typeof cancelSessionWireSchema>, CancelSessionWire> = true;
void wireIsCancelSessionWire;
