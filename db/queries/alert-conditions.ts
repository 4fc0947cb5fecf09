// Which accounts an alert rule's condition holds for at an instant (SPEC §8), each with the
// occurrence it is about (its condition key) and the condition in words. The evaluator fires on
// the new ones and clears the firings whose occurrence is gone; the rules page counts them first.
import { type SQL, and, desc, eq, gt, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, cancelSessions, healthScores, signals, subscriptionEvents, triageItems } from "@/db/schema";
import { type AlertFacts, alertDetail } from "@/lib/metrics/alerts";
import type { AlertFilters, AlertMatch, AlertTrigger } from "@/lib/types/alerts";
import type { CancelOfferShown } from "@/lib/types/cancel-flow";
import { LIVE_STATUSES } from "@/lib/values";

const DAY = 86_400_000;
/** A cancel session is news for a week after it ended: a new rule does not fire on older ones. */
export const SESSION_WINDOW_DAYS = 7;

/**
 * The MRR a filter compares: the account's own, or for a cancelled account what it paid last (a
 * customer who just cancelled on the cancel page is judged by what was lost).
 */
const filterMrr: SQL<number> = sql<number>`case when ${accounts.status} = 'canceled' then coalesce((
  select ${subscriptionEvents.mrrAfterCents} from ${subscriptionEvents}
  where ${subscriptionEvents.accountId} = ${accounts.id} and ${subscriptionEvents.mrrAfterCents} > 0
  order by ${subscriptionEvents.occurredAt} desc, ${subscriptionEvents.seq} desc limit 1), 0)
  else ${accounts.mrrCents} end`;

function filterWhere(f: AlertFilters): SQL | undefined {
  return and(
    f.minMrrCents !== null ? gte(filterMrr, f.minMrrCents) : undefined,
    f.segment ? eq(accounts.segment, f.segment) : undefined,
    f.plan ? eq(accounts.plan, f.plan) : undefined,
  );
}

const match = (accountId: string, conditionKey: string, facts: AlertFacts): AlertMatch => ({
  accountId,
  conditionKey,
  detail: alertDetail(facts),
});

/** Every account the rule's condition holds for at `now`, after its filters, in account order. */
export async function alertMatches(
  db: Db,
  rule: { trigger: AlertTrigger; filters: AlertFilters },
  now: Date,
): Promise<AlertMatch[]> {
  const filters = filterWhere(rule.filters);
  const t = rule.trigger;
  switch (t.kind) {
    case "entered_queue": {
      const rows = await db
        .select({
          accountId: triageItems.accountId,
          id: triageItems.id,
          kind: triageItems.kind,
          source: triageItems.source,
          reasons: triageItems.reasons,
          at: triageItems.createdAt,
        })
        .from(triageItems)
        .innerJoin(accounts, eq(accounts.id, triageItems.accountId))
        .where(and(inArray(triageItems.status, LIVE_STATUSES), lte(triageItems.createdAt, now), filters))
        .orderBy(triageItems.accountId, triageItems.id);
      return rows.map((r) =>
        match(r.accountId, r.id, {
          kind: "entered_queue",
          queueKind: r.kind,
          source: r.source,
          reasons: r.reasons,
          at: r.at,
        }),
      );
    }
    case "health_drop": {
      const rows = await db
        .select({ accountId: healthScores.accountId, score: healthScores.score, weekAgo: healthScores.scoreWeekAgo })
        .from(healthScores)
        .innerJoin(accounts, eq(accounts.id, healthScores.accountId))
        .where(
          and(
            isNotNull(healthScores.scoreWeekAgo),
            // Whole points, rounded as the queue and the alert's words round them (Math.round: half up;
            // PostgreSQL's round() of a real takes half to even, and made 81.7 → 72.5 a drop of 10).
            gte(sql`floor(${healthScores.scoreWeekAgo} + 0.5) - floor(${healthScores.score} + 0.5)`, t.points),
            filters,
          ),
        )
        .orderBy(healthScores.accountId);
      return rows.map((r) =>
        match(r.accountId, "", { kind: "health_drop", score: r.score, weekAgo: r.weekAgo ?? r.score }),
      );
    }
    case "trial_ending": {
      const rows = await db
        .select({ accountId: accounts.id, endsAt: accounts.trialEndsAt })
        .from(accounts)
        .where(
          and(
            eq(accounts.status, "trial"),
            gt(accounts.trialEndsAt, now),
            lte(accounts.trialEndsAt, new Date(now.getTime() + t.days * DAY)),
            filters,
          ),
        )
        .orderBy(accounts.id);
      return rows.flatMap((r) =>
        r.endsAt ? [match(r.accountId, r.endsAt.toISOString(), { kind: "trial_ending", endsAt: r.endsAt, now })] : [],
      );
    }
    case "cancel_page_left":
    case "cancel_canceled": {
      const statuses = t.kind === "cancel_canceled" ? (["canceled"] as const) : (["saved", "abandoned"] as const);
      const rows = await db
        .select({
          accountId: cancelSessions.accountId,
          id: cancelSessions.id,
          status: cancelSessions.status,
          openedAt: cancelSessions.openedAt,
          createdAt: cancelSessions.createdAt,
          endedAt: cancelSessions.endedAt,
          offer: cancelSessions.offer,
          offerAccepted: cancelSessions.offerAccepted,
          reason: cancelSessions.reasonCode,
        })
        .from(cancelSessions)
        .innerJoin(accounts, eq(accounts.id, cancelSessions.accountId))
        .where(
          and(
            eq(cancelSessions.preview, false),
            inArray(cancelSessions.status, [...statuses]),
            gt(cancelSessions.endedAt, new Date(now.getTime() - SESSION_WINDOW_DAYS * DAY)),
            lte(cancelSessions.endedAt, now),
            filters,
          ),
        )
        .orderBy(cancelSessions.accountId, cancelSessions.id);
      return rows.map((r) => {
        const endedAt = r.endedAt ?? now;
        const facts: AlertFacts =
          t.kind === "cancel_canceled"
            ? { kind: "cancel_canceled", endedAt, reason: r.reason }
            : {
                kind: "cancel_page_left",
                status: r.status,
                openedAt: r.openedAt ?? r.createdAt,
                offerKind: offerKind(r.offer),
                offerAccepted: r.offerAccepted,
              };
        return match(r.accountId, r.id, facts);
      });
    }
    case "payment_failed": {
      // Each account's latest payment signal up to now: failed, and at least `days` old.
      const latest = db
        .selectDistinctOn([signals.accountId], {
          accountId: signals.accountId,
          kind: signals.kind,
          occurredAt: signals.occurredAt,
        })
        .from(signals)
        .where(and(inArray(signals.kind, ["payment_failed", "payment_recovered"]), lte(signals.occurredAt, now)))
        .orderBy(signals.accountId, desc(signals.occurredAt), desc(signals.seq))
        .as("latest");
      const rows = await db
        .select({ accountId: latest.accountId, failedAt: latest.occurredAt })
        .from(latest)
        .innerJoin(accounts, eq(accounts.id, latest.accountId))
        .where(
          and(
            eq(latest.kind, "payment_failed"),
            lte(latest.occurredAt, new Date(now.getTime() - t.days * DAY)),
            // A customer who has left is no longer failing to pay.
            inArray(accounts.status, ["active", "paused", "trial"]),
            filters,
          ),
        )
        .orderBy(latest.accountId);
      return rows.map((r) =>
        match(r.accountId, r.failedAt.toISOString(), { kind: "payment_failed", failedAt: r.failedAt, now }),
      );
    }
  }
}

function offerKind(offer: CancelOfferShown | null): string | null {
  return offer && offer.kind !== "none" ? offer.kind : null;
}
