// Reading a cancel session: by its id (the API) or by the hash of its URL's token (the page), with
// its flow version's content and its account; what a token opens now; the offer a reason leads to;
// and the session as the API and the webhook give it.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, cancelFlowVersions, cancelSessions } from "@/db/schema";
import type {
  CancelFlowContent,
  CancelOffer,
  CancelOfferShown,
  CancelReason,
  CancelSessionWire,
} from "@/lib/types/cancel-flow";
import type { Actor } from "@/lib/types/session";
import { NO_ANSWER_REASON, SOMETHING_ELSE_REASON } from "@/lib/values";
import { contentForVariant } from "@/lib/metrics/experiment";

/** Once opened, the link works this long (or until the session ends). */
export const CANCEL_LINK_HOURS = 24;
const HOUR_MS = 3_600_000;

export type CancelSession = typeof cancelSessions.$inferSelect;

export function hashCancelToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** 192 random bits, URL-safe. */
export function newCancelToken(): string {
  return crypto.randomBytes(24).toString("base64url");
}

/** A session with what its page and its wire form need. */
export interface LoadedCancelSession {
  session: CancelSession;
  content: CancelFlowContent;
  flowVersion: number;
  /** The locales the flow version is targeted at (empty: every locale); its texts are in their language. */
  flowLocales: string[];
  account: {
    id: string;
    externalId: string;
    name: string;
    seatsPaid: number | null;
    /** The account's Stripe subscription, where the cancel flow's outcome is applied. */
    stripeSubscriptionId: string | null;
  };
}

export async function loadCancelSession(
  db: Db,
  where: ReturnType<typeof eq>,
  lock: boolean,
): Promise<LoadedCancelSession | null> {
  const query = db
    .select({
      session: cancelSessions,
      content: cancelFlowVersions.content,
      flowLocales: cancelFlowVersions.locales,
      flowVersion: cancelFlowVersions.version,
      account: {
        id: accounts.id,
        externalId: accounts.externalId,
        name: accounts.name,
        seatsPaid: accounts.seatsPaid,
        stripeSubscriptionId: accounts.stripeSubscriptionId,
      },
    })
    .from(cancelSessions)
    .innerJoin(cancelFlowVersions, eq(cancelFlowVersions.id, cancelSessions.flowVersionId))
    .innerJoin(accounts, eq(accounts.id, cancelSessions.accountId))
    .where(where);
  const [row] = lock ? await query.for("update", { of: cancelSessions }) : await query;
  return row ? { ...row, content: contentForVariant(row.content, row.session.variant) } : null;
}

export const cancelSessionById = (db: Db, id: string) => loadCancelSession(db, eq(cancelSessions.id, id), false);

/**
 * What a token opens: nothing (unknown), a link past its time (never opened before `expiresAt`, or
 * opened more than 24 h ago — whatever the job has or has not written yet), an ended session, or a
 * live one.
 */
export type TokenState =
  | { kind: "unknown" }
  | { kind: "expired"; loaded: LoadedCancelSession }
  | { kind: "ended"; loaded: LoadedCancelSession }
  | { kind: "live"; loaded: LoadedCancelSession };

export function tokenState(loaded: LoadedCancelSession | null, now: Date): TokenState {
  if (!loaded) return { kind: "unknown" };
  const s = loaded.session;
  if (s.status === "saved" || s.status === "canceled") return { kind: "ended", loaded };
  if (s.status !== "open") return { kind: "expired", loaded };
  if (s.openedAt === null ? s.expiresAt <= now : s.openedAt.getTime() + CANCEL_LINK_HOURS * HOUR_MS <= now.getTime())
    return { kind: "expired", loaded };
  return { kind: "live", loaded };
}

export async function cancelSessionByToken(db: Db, token: string, now: Date = new Date()): Promise<TokenState> {
  return tokenState(await loadCancelSession(db, eq(cancelSessions.tokenHash, hashCancelToken(token)), false), now);
}

/** The offer a reason code leads to in this flow (`other` → "something else"'s; `no_answer` → none). */
export function offerFor(content: CancelFlowContent, reasonCode: string | null): CancelOffer {
  if (reasonCode === null || reasonCode === NO_ANSWER_REASON) return { kind: "none" };
  if (reasonCode === SOMETHING_ELSE_REASON) return content.somethingElseOffer;
  return reasonOf(content, reasonCode)?.offer ?? { kind: "none" };
}

export const reasonOf = (content: CancelFlowContent, code: string | null): CancelReason | undefined =>
  content.reasons.find((r) => r.code === code);

/** The offer as the API and the webhook name it. */
export function offerShown(offer: CancelOffer, months?: number): CancelOfferShown {
  switch (offer.kind) {
    case "pause":
      return months === undefined ? { kind: "pause" } : { kind: "pause", months };
    case "discount":
      return { kind: "discount", percent: offer.percent, months: offer.months };
    case "downgrade":
      return { kind: "downgrade", plan: offer.plan };
    default:
      return { kind: offer.kind };
  }
}

export function cancelSessionWire(loaded: LoadedCancelSession): CancelSessionWire {
  const s = loaded.session;
  return {
    id: s.id,
    accountExternalId: loaded.account.externalId,
    status: s.status,
    flowVersion: loaded.flowVersion,
    variant: s.variant,
    reasonCode: s.reasonCode,
    freeText: s.freeText,
    offer: s.offer ?? null,
    startedAt: (s.openedAt ?? s.createdAt).toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
  };
}

/** The actor of what a customer does on the cancel page: no Holdfast user, named by the session. */
export const cancelPageActor = (sessionId: string): Actor => ({
  type: "anonymous",
  id: null,
  label: `cancel page (${sessionId})`,
});

/** The externalId of the answer a session writes: one answer per session, whatever happens twice. */
export const responseExternalId = (sessionId: string) => `cancel_session:${sessionId}`;
