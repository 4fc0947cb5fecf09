// The customer's walk through a cancel session, one action at a time under the session's row lock:
// the first opening (the visit), the step each answer leads to, Back, and Cancel from every step.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { markHealthStale } from "./health-stale";
import { cancelSessions } from "@/db/schema";
import type { CancelAnswerProblem, CancelFlowContent } from "@/lib/types/cancel-flow";
import { type CancelStep, type CancellationOutcome, SOMETHING_ELSE_REASON } from "@/lib/values";
import {
  type CancelSession,
  type TokenState,
  hashCancelToken,
  loadCancelSession,
  offerFor,
  offerShown,
  reasonOf,
  tokenState,
} from "./cancel-session-load";
import { finishCancelSession, seen } from "./cancel-session-finish";

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
      /** What is wrong with an `invalid` answer; the page words it in its language. */
      problem?: CancelAnswerProblem;
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

/**
 * Records the first opening (and the step shown) of a live session; the visit is what the
 * watchlist and the health score's intent read. Returns the token's state after.
 */
export async function openCancelSession(db: Db, token: string, now: Date = new Date()): Promise<TokenState> {
  return db.transaction(async (tx) => {
    const loaded = await loadCancelSession(tx, eq(cancelSessions.tokenHash, hashCancelToken(token)), true);
    const state = tokenState(loaded, now);
    if (state.kind !== "live") return state;
    const s = state.loaded.session;
    if (s.openedAt !== null && s.stepsSeen.includes(s.step)) return state;
    const [row] = await tx
      .update(cancelSessions)
      .set({ openedAt: s.openedAt ?? now, stepsSeen: seen(s, s.step) })
      .where(eq(cancelSessions.id, s.id))
      .returning();
    // The first opening is a visit: the health score's intent reads it.
    if (s.openedAt === null && !s.preview) await markHealthStale(tx, [s.accountId], now);
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
    const loaded = await loadCancelSession(tx, eq(cancelSessions.tokenHash, hashCancelToken(token)), true);
    const state = tokenState(loaded, now);
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
      if (s.openedAt === null && !s.preview) await markHealthStale(tx, [s.accountId], now);
      const next = row ? { ...state.loaded, session: row } : state.loaded;
      return { ok: true, state: { kind: "live", loaded: next } };
    };
    const invalid = (problem: CancelAnswerProblem): CancelStepResult => ({
      ok: false,
      reason: "invalid",
      problem,
      state,
    });

    if (action.kind === "cancel") {
      const offer = s.offer ?? null;
      return finishCancelSession(
        tx,
        state.loaded,
        { status: "canceled", outcome: "canceled", offer, accepted: false },
        now,
      );
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
        if (!known) return invalid({ kind: "choose-reason" });
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
        if (text === "" && question?.required) return invalid({ kind: "answer-required" });
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
        return finishCancelSession(
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
          const result = await finishCancelSession(
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
            return invalid({ kind: "pause-months", maxMonths: offer.maxMonths });
          return finishCancelSession(
            tx,
            state.loaded,
            { status: "saved", outcome: "paused", offer: offerShown(offer, months), accepted: true },
            now,
          );
        }
        const outcome: CancellationOutcome = offer.kind === "downgrade" ? "downgraded" : "saved";
        return finishCancelSession(
          tx,
          state.loaded,
          { status: "saved", outcome, offer: offerShown(offer), accepted: true },
          now,
        );
      }
    }
  });
}
