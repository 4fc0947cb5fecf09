// The end of a cancel session the customer finished (saved or canceled): the session's row, and —
// unless it is a preview — one cancellation answer (so every chart counts it), the account's health
// marked stale, `cancel_session.completed` queued for every webhook endpoint and — with Stripe
// configured — the outcome's billing action queued, all in the caller's transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancelSessions } from "@/db/schema";
import { env } from "@/lib/env";
import { billingActionFor } from "@/lib/metrics/billing-action";
import type { CancelOfferShown } from "@/lib/types/cancel-flow";
import { type CancelStep, type CancellationOutcome, NO_ANSWER_REASON } from "@/lib/values";
import { recordAudit } from "./audit";
import {
  type CancelSession,
  type LoadedCancelSession,
  type TokenState,
  cancelPageActor,
  cancelSessionWire,
  offerFor,
  responseExternalId,
} from "./cancel-session-load";
import { markHealthStale } from "./health-stale";
import { enqueueJobs } from "./jobs";
import { writeCancellations } from "./ingest/write-events";
import { enqueueWebhookEvents } from "./webhook-deliveries";

export const seen = (s: CancelSession, step: CancelStep): CancelStep[] =>
  s.stepsSeen.includes(step) ? s.stepsSeen : [...s.stepsSeen, step];

export type FinishResult = { ok: true; state: TokenState } | { ok: false; reason: "ended"; state: TokenState };

/**
 * With Stripe configured and a subscription on the account, the outcome's billing action as a job
 * (lib/stripe/apply.ts), keyed by the session so it is queued once.
 */
async function enqueueBillingAction(
  tx: Db,
  ended: LoadedCancelSession,
  end: { outcome: CancellationOutcome; offer: CancelOfferShown | null },
  now: Date,
): Promise<void> {
  const subscriptionId = ended.account.stripeSubscriptionId;
  if (!env().STRIPE_SECRET_KEY || !subscriptionId) return;
  const s = ended.session;
  const action = billingActionFor({
    outcome: end.outcome,
    offer: offerFor(ended.content, s.reasonCode),
    months: end.offer?.months ?? null,
    reasonCode: s.reasonCode ?? NO_ANSWER_REASON,
    freeText: s.freeText,
    endedAt: now,
  });
  if (!action) return;
  await enqueueJobs(
    tx,
    [{ key: `stripe:${s.id}`, kind: "stripe.apply_outcome", payload: { sessionId: s.id, subscriptionId, action } }],
    now,
  );
}

export async function finishCancelSession(
  tx: Db,
  loaded: LoadedCancelSession,
  end: {
    status: "saved" | "canceled";
    outcome: CancellationOutcome;
    offer: CancelOfferShown | null;
    accepted: boolean;
  },
  now: Date,
): Promise<FinishResult> {
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
    await enqueueBillingAction(tx, ended, end, now);
  }
  await recordAudit(tx, cancelPageActor(s.id), {
    action: `cancel_session.${end.status}`,
    entityType: "cancel_session",
    entityId: s.id,
    after: { outcome: end.outcome, reasonCode, offer: end.offer, preview: s.preview },
  });
  return { ok: true, state: { kind: "ended", loaded: ended } };
}
