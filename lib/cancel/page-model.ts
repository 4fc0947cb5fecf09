// What one step of the customer's page shows, from a loaded session (and, on the loss step, the
// account's own facts): the model renderCancelPage draws.
import { localeMatches } from "@/db/queries/cancel-flow-match";
import { type LoadedCancelSession, offerFor } from "@/db/queries/cancel-sessions";
import type { CancelLossFacts, CancelPageModel } from "@/lib/types/cancel-flow";

/** `returnUrl` with `holdfast_session` and `outcome` added (SPEC §7); null when it is not an http(s) URL. */
export function returnLink(returnUrl: string, sessionId: string, outcome: "saved" | "canceled"): string | null {
  let url: URL;
  try {
    url = new URL(returnUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  url.searchParams.set("holdfast_session", sessionId);
  url.searchParams.set("outcome", outcome);
  return url.href;
}

/**
 * The language of the page's own words: the flow's. A flow targeted at the session's language is
 * written in it; one targeted elsewhere, in its first locale's; an untargeted flow, in English.
 */
export function wordsLocale(flowLocales: readonly string[], sessionLocale: string): string {
  if (flowLocales.length === 0) return "en-US";
  return localeMatches(flowLocales, sessionLocale) ? sessionLocale : (flowLocales[0] ?? "en-US");
}

export function cancelPageModel(loaded: LoadedCancelSession, loss: CancelLossFacts | null): CancelPageModel {
  const { session: s, content } = loaded;
  const ended = s.status === "saved" || s.status === "canceled";
  return {
    sessionId: s.id,
    step: ended ? "goodbye" : s.step,
    status: s.status,
    locale: s.locale,
    wordsLocale: wordsLocale(loaded.flowLocales, s.locale),
    content,
    loss: content.showLoss ? loss : null,
    reasonCode: s.reasonCode,
    freeText: s.freeText,
    offer: !ended && s.step === "offer" ? offerFor(content, s.reasonCode) : null,
    returnTo: s.status === "saved" || s.status === "canceled" ? returnLink(s.returnUrl, s.id, s.status) : null,
    preview: s.preview,
  };
}
