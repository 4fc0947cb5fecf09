// A cancel session's life (SPEC §7): made by the customer's backend (or by "Preview as account…"),
// walked by the customer on the public page one step at a time, and ended once — `saved` or
// `canceled` by the customer, `expired` or `abandoned` by a job. A session that ends saved or
// canceled writes one cancellation answer (so every chart counts it), marks the account's health
// stale and queues `cancel_session.completed` for every webhook endpoint, in the same transaction.
// A preview session writes, queues and counts nothing.
import crypto from "node:crypto";
import { createId } from "@paralleldrive/cuid2";
import { and, eq, isNotNull, isNull, lte } from "drizzle-orm";
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
import { type CancelStep, type CancellationOutcome, NO_ANSWER_REASON, SOMETHING_ELSE_REASON } from "@/lib/values";
import { recordAudit } from "./audit";
import { matchFlowVersion } from "./cancel-flow-match";
import { markHealthStale } from "./health-stale";
import { writeCancellations } from "./ingest/write-events";
import { enqueueWebhookEvents } from "./webhook-deliveries";

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

export interface CreateCancelSessionInput {
  accountExternalId: string;
  userRef?: string | null | undefined;
  email?: string | null | undefined;
  returnUrl: string;
  locale: string;
  flowId?: string | undefined;
}

export interface CreatedCancelSession {
  id: string;
  /** The URL's secret: returned once, stored only as its hash. */
  token: string;
  expiresAt: Date;
  flowVersion: number;
}

export type CreateCancelSessionResult =
  { ok: true; session: CreatedCancelSession } | { ok: false; reason: "unknown-account" | "unknown-flow" | "no-flow" };

/**
 * Makes a session on the flow version that matches the account and locale (or `flowId`'s newest).
 * `by` says who asked: an API key, or an admin's preview (which is never counted).
 */
export async function createCancelSession(
  db: Db,
  input: CreateCancelSessionInput,
  by: { apiKeyId?: string | null; userId?: string | null; preview: boolean },
  options: { now?: Date; minutes: number },
): Promise<CreateCancelSessionResult> {
  const now = options.now ?? new Date();
  const [account] = await db
    .select({ id: accounts.id, segment: accounts.segment, plan: accounts.plan })
    .from(accounts)
    .where(eq(accounts.externalId, input.accountExternalId));
  if (!account) return { ok: false, reason: "unknown-account" };
  const version = await matchFlowVersion(db, account, input.locale, input.flowId);
  if (!version) return { ok: false, reason: input.flowId === undefined ? "no-flow" : "unknown-flow" };
  const id = `cs_${createId()}`;
  const token = newCancelToken();
  const expiresAt = new Date(now.getTime() + options.minutes * 60_000);
  await db.insert(cancelSessions).values({
    id,
    tokenHash: hashCancelToken(token),
    accountId: account.id,
    flowVersionId: version.id,
    locale: input.locale,
    returnUrl: input.returnUrl,
    userRef: input.userRef ?? null,
    email: input.email ?? null,
    step: version.content.showLoss ? "loss" : "reason",
    preview: by.preview,
    apiKeyId: by.apiKeyId ?? null,
    createdBy: by.userId ?? null,
    createdAt: now,
    expiresAt,
  });
  return { ok: true, session: { id, token, expiresAt, flowVersion: version.version } };
}

/** A session with what its page and its wire form need. */
export interface LoadedCancelSession {
  session: CancelSession;
  content: CancelFlowContent;
  flowVersion: number;
  account: { id: string; externalId: string; name: string; seatsPaid: number | null };
}

async function load(db: Db, where: ReturnType<typeof eq>, lock: boolean): Promise<LoadedCancelSession | null> {
  const query = db
    .select({
      session: cancelSessions,
      content: cancelFlowVersions.content,
      flowVersion: cancelFlowVersions.version,
      account: { id: accounts.id, externalId: accounts.externalId, name: accounts.name, seatsPaid: accounts.seatsPaid },
    })
    .from(cancelSessions)
    .innerJoin(cancelFlowVersions, eq(cancelFlowVersions.id, cancelSessions.flowVersionId))
    .innerJoin(accounts, eq(accounts.id, cancelSessions.accountId))
    .where(where);
  const [row] = lock ? await query.for("update", { of: cancelSessions }) : await query;
  return row ?? null;
}

export const cancelSessionById = (db: Db, id: string) => load(db, eq(cancelSessions.id, id), false);

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

function stateOf(loaded: LoadedCancelSession | null, now: Date): TokenState {
  if (!loaded) return { kind: "unknown" };
  const s = loaded.session;
  if (s.status === "saved" || s.status === "canceled") return { kind: "ended", loaded };
  if (s.status !== "open") return { kind: "expired", loaded };
  if (s.openedAt === null ? s.expiresAt <= now : s.openedAt.getTime() + CANCEL_LINK_HOURS * HOUR_MS <= now.getTime())
    return { kind: "expired", loaded };
  return { kind: "live", loaded };
}

export async function cancelSessionByToken(db: Db, token: string, now: Date = new Date()): Promise<TokenState> {
  return stateOf(await load(db, eq(cancelSessions.tokenHash, hashCancelToken(token)), false), now);
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

/** What the customer did on a step (the page's form posts one of these). */
export type CancelAction =
  | { kind: "continue" }
  | { kind: "reason"; code: string }
  | { kind: "follow_up"; text: string }
  | { kind: "accept"; months?: number | undefined }
  | { kind: "talk" }
  | { kind: "decline" }
  | { kind: "confirm" }
  | { kind: "back" }
  /** The Cancel button on every step: ends the session canceled, nothing more asked. */
  | { kind: "cancel" };

export type CancelStepResult =
  | {
      ok: true;
      state: TokenState;
      /** Where to send the browser instead of the page (talk_to_us's link). */ redirect?: string;
    }
  | {
      ok: false;
      reason: "unknown" | "expired" | "ended" | "wrong-step" | "invalid";
      message?: string;
      state: TokenState;
    };

/** The step after `reason` or `follow_up` for this reason: its question, its offer, or confirm. */
function afterReason(content: CancelFlowContent, code: string, answered: boolean): CancelStep {
  const needsWords = code === SOMETHING_ELSE_REASON || reasonOf(content, code)?.followUp != null;
  if (needsWords && !answered) return "follow_up";
  return offerFor(content, code).kind === "none" ? "confirm" : "offer";
}

/** The step `back` returns to from `step`, given what was answered. */
function before(content: CancelFlowContent, s: CancelSession): CancelStep {
  const code = s.reasonCode;
  switch (s.step) {
    case "reason":
      return content.showLoss ? "loss" : "reason";
    case "follow_up":
      return "reason";
    case "offer":
      return code !== null && afterReason(content, code, false) === "follow_up" ? "follow_up" : "reason";
    case "confirm": {
      if (code === null) return "reason";
      if (offerFor(content, code).kind !== "none") return "offer";
      return afterReason(content, code, false) === "follow_up" ? "follow_up" : "reason";
    }
    default:
      return s.step;
  }
}

const seen = (s: CancelSession, step: CancelStep): CancelStep[] =>
  s.stepsSeen.includes(step) ? s.stepsSeen : [...s.stepsSeen, step];

/**
 * Records the first opening (and the step shown) of a live session; the visit is what the
 * watchlist and the health score's intent read. Returns the token's state after.
 */
export async function openCancelSession(db: Db, token: string, now: Date = new Date()): Promise<TokenState> {
  return db.transaction(async (tx) => {
    const loaded = await load(tx, eq(cancelSessions.tokenHash, hashCancelToken(token)), true);
    const state = stateOf(loaded, now);
    if (state.kind !== "live") return state;
    const s = state.loaded.session;
    if (s.openedAt !== null && s.stepsSeen.includes(s.step)) return state;
    const [row] = await tx
      .update(cancelSessions)
      .set({ openedAt: s.openedAt ?? now, stepsSeen: seen(s, s.step) })
      .where(eq(cancelSessions.id, s.id))
      .returning();
    return row ? { kind: "live", loaded: { ...state.loaded, session: row } } : state;
  });
}

/**
 * Applies one action to a live session, in a transaction holding the session's row: an action for
 * another step than the one the session is on is refused (a second tab, a double submit), except
 * Cancel, which works from every step.
 */
export async function applyCancelAction(
  db: Db,
  token: string,
  action: CancelAction,
  expectedStep: CancelStep | null,
  now: Date = new Date(),
): Promise<CancelStepResult> {
  return db.transaction(async (tx) => {
    const loaded = await load(tx, eq(cancelSessions.tokenHash, hashCancelToken(token)), true);
    const state = stateOf(loaded, now);
    if (state.kind === "unknown") return { ok: false, reason: "unknown", state };
    if (state.kind === "expired") return { ok: false, reason: "expired", state };
    if (state.kind === "ended") return { ok: false, reason: "ended", state };
    const { session: s, content } = state.loaded;
    const move = async (set: Partial<CancelSession>): Promise<CancelStepResult> => {
      const step = set.step ?? s.step;
      const [row] = await tx
        .update(cancelSessions)
        .set({ ...set, openedAt: s.openedAt ?? now, stepsSeen: seen(s, step) })
        .where(eq(cancelSessions.id, s.id))
        .returning();
      const next = row ? { ...state.loaded, session: row } : state.loaded;
      return { ok: true, state: { kind: "live", loaded: next } };
    };
    const invalid = (message: string): CancelStepResult => ({ ok: false, reason: "invalid", message, state });

    if (action.kind === "cancel") {
      const offer = s.offer ?? null;
      return finish(tx, state.loaded, { status: "canceled", outcome: "canceled", offer, accepted: false }, now);
    }
    if (expectedStep !== null && expectedStep !== s.step) return { ok: false, reason: "wrong-step", state };
    switch (action.kind) {
      case "back":
        return move({ step: before(content, s) });
      case "continue":
        if (s.step !== "loss") return { ok: false, reason: "wrong-step", state };
        return move({ step: "reason" });
      case "reason": {
        if (s.step !== "reason") return { ok: false, reason: "wrong-step", state };
        const known = action.code === SOMETHING_ELSE_REASON || reasonOf(content, action.code) !== undefined;
        if (!known) return invalid("Please choose one of the reasons.");
        const next = afterReason(content, action.code, false);
        const offer = offerFor(content, action.code);
        return move({
          step: next,
          reasonCode: action.code,
          freeText: action.code === s.reasonCode ? s.freeText : null,
          offer: next === "offer" ? offerShown(offer) : null,
        });
      }
      case "follow_up": {
        if (s.step !== "follow_up" || s.reasonCode === null) return { ok: false, reason: "wrong-step", state };
        const text = action.text.trim();
        const question = reasonOf(content, s.reasonCode)?.followUp;
        if (text === "" && question?.required) return invalid("Please answer the question, or press Cancel.");
        const next = afterReason(content, s.reasonCode, true);
        return move({
          step: next,
          freeText: text === "" ? null : text,
          offer: next === "offer" ? offerShown(offerFor(content, s.reasonCode)) : null,
        });
      }
      case "decline":
        if (s.step !== "offer") return { ok: false, reason: "wrong-step", state };
        return move({ step: "confirm" });
      case "confirm":
        if (s.step !== "confirm") return { ok: false, reason: "wrong-step", state };
        return finish(
          tx,
          state.loaded,
          { status: "canceled", outcome: "canceled", offer: s.offer, accepted: false },
          now,
        );
      case "accept":
      case "talk": {
        if (s.step !== "offer") return { ok: false, reason: "wrong-step", state };
        const offer = offerFor(content, s.reasonCode);
        if (offer.kind === "none") return { ok: false, reason: "wrong-step", state };
        if (action.kind === "talk") {
          if (offer.kind !== "talk_to_us") return { ok: false, reason: "wrong-step", state };
          const result = await finish(
            tx,
            state.loaded,
            { status: "saved", outcome: "saved", offer: offerShown(offer), accepted: true },
            now,
          );
          return result.ok ? { ...result, redirect: offer.url } : result;
        }
        if (offer.kind === "talk_to_us") return { ok: false, reason: "wrong-step", state };
        if (offer.kind === "pause") {
          const months = action.months;
          if (months === undefined || !Number.isInteger(months) || months < 1 || months > offer.maxMonths)
            return invalid(`Please choose how long to pause: 1 to ${offer.maxMonths} months.`);
          return finish(
            tx,
            state.loaded,
            { status: "saved", outcome: "paused", offer: offerShown(offer, months), accepted: true },
            now,
          );
        }
        const outcome: CancellationOutcome = offer.kind === "downgrade" ? "downgraded" : "saved";
        return finish(tx, state.loaded, { status: "saved", outcome, offer: offerShown(offer), accepted: true }, now);
      }
    }
  });
}

/** The actor of what a customer does on the cancel page: no Holdfast user, named by the session. */
export const cancelPageActor = (sessionId: string): Actor => ({
  type: "anonymous",
  id: null,
  label: `cancel page (${sessionId})`,
});

/** The externalId of the answer a session writes: one answer per session, whatever happens twice. */
export const responseExternalId = (sessionId: string) => `cancel_session:${sessionId}`;

async function finish(
  tx: Db,
  loaded: LoadedCancelSession,
  end: {
    status: "saved" | "canceled";
    outcome: CancellationOutcome;
    offer: CancelOfferShown | null;
    accepted: boolean;
  },
  now: Date,
): Promise<CancelStepResult> {
  const s = loaded.session;
  const reasonCode = s.reasonCode ?? NO_ANSWER_REASON;
  const [row] = await tx
    .update(cancelSessions)
    .set({
      status: end.status,
      step: "goodbye",
      stepsSeen: seen(s, "goodbye"),
      reasonCode,
      offer: end.offer,
      offerAccepted: end.accepted,
      openedAt: s.openedAt ?? now,
      endedAt: now,
    })
    .where(and(eq(cancelSessions.id, s.id), eq(cancelSessions.status, "open")))
    .returning();
  if (!row) return { ok: false, reason: "ended", state: { kind: "ended", loaded } };
  const ended: LoadedCancelSession = { ...loaded, session: row };
  if (!s.preview) {
    const { account } = loaded;
    await writeCancellations(tx, {
      accounts: new Map([[account.externalId, account.id]]),
      owners: new Map(),
      items: [
        {
          accountExternalId: account.externalId,
          externalId: responseExternalId(s.id),
          submittedAt: now,
          reasonCode,
          freeText: row.freeText,
          offerShown: end.offer?.kind ?? "none",
          offerAccepted: end.accepted,
          outcome: end.outcome,
        },
      ],
    });
    await markHealthStale(tx, [account.id], now);
    await enqueueWebhookEvents(tx, "cancel_session.completed", [cancelSessionWire(ended)], now);
  }
  await recordAudit(tx, cancelPageActor(s.id), {
    action: `cancel_session.${end.status}`,
    entityType: "cancel_session",
    entityId: s.id,
    after: { outcome: end.outcome, reasonCode, offer: end.offer, preview: s.preview },
  });
  return { ok: true, state: { kind: "ended", loaded: ended } };
}

/**
 * The job's sweep: sessions never opened by `expiresAt` become `expired`; sessions opened more than
 * 24 h ago and not ended become `abandoned`. Neither writes an answer. Returns how many of each.
 */
export async function endStaleCancelSessions(
  db: Db,
  now: Date = new Date(),
): Promise<{ expired: number; abandoned: number }> {
  const expired = await db
    .update(cancelSessions)
    .set({ status: "expired", endedAt: now })
    .where(and(eq(cancelSessions.status, "open"), isNull(cancelSessions.openedAt), lte(cancelSessions.expiresAt, now)))
    .returning({ id: cancelSessions.id });
  const abandoned = await db
    .update(cancelSessions)
    .set({ status: "abandoned", endedAt: now })
    .where(
      and(
        eq(cancelSessions.status, "open"),
        isNotNull(cancelSessions.openedAt),
        lte(cancelSessions.openedAt, new Date(now.getTime() - CANCEL_LINK_HOURS * HOUR_MS)),
      ),
    )
    .returning({ id: cancelSessions.id });
  return { expired: expired.length, abandoned: abandoned.length };
}
