// Simulates a SaaS business month by month: trials, conversions, expansions, contractions, pauses,
// saves, cancellations and reactivations. Churn per segment follows a monthly hazard with error
// diffusion, so yearly churn lands near its target for any seed instead of wandering with chance.
import type { CancelFlowContent, CancelOffer } from "@/lib/types/cancel-flow";
import { type CancellationOutcome, NO_ANSWER_REASON, type SaveOffer, SEGMENTS, type Segment } from "@/lib/values";
import type { Variant } from "@/lib/metrics/variant";
import { cancelChoice, experimentChoice, saveChoice } from "./flow-survey";
import type { Rng } from "./random";
import { type SimAccount, arrivals, push, slot } from "./sim-account";
import { DAY, HOUR, addMonths, monthStart } from "./time";
import { type ReasonCode, verbatim } from "./verbatims";

/** Yearly logo churn targets, turned into monthly hazards. */
const YEARLY_CHURN: Record<Segment, number> = { smb: 0.48, mid: 0.2, enterprise: 0.056 };
/** Enterprise contracts are annual: they can only end after this many months. */
const MIN_TENURE_MONTHS: Record<Segment, number> = { smb: 0, mid: 1, enterprise: 10 };
const monthlyHazard = (segment: Segment) => 1 - Math.pow(1 - YEARLY_CHURN[segment], 1 / 12);
const EXPANSION: Record<Segment, number> = { smb: 0.02, mid: 0.035, enterprise: 0.045 };
const CONTRACTION: Record<Segment, number> = { smb: 0.008, mid: 0.012, enterprise: 0.012 };
const REASON_WEIGHTS: Record<ReasonCode, number> = {
  too_expensive: 24,
  missing_features: 15,
  switched_service: 12,
  unused: 17,
  customer_service: 5,
  too_complex: 8,
  low_quality: 8,
  other: 11,
};

function survey(
  rng: Rng,
  acc: SimAccount,
  at: number,
  offer: SaveOffer,
  accepted: boolean,
  outcome: CancellationOutcome,
): void {
  const reasonCode = rng.weighted(REASON_WEIGHTS);
  acc.responses.push({
    at,
    reasonCode,
    ...verbatim(rng, reasonCode, accepted),
    offerShown: offer,
    offerAccepted: accepted,
    outcome,
    flowOffer: null,
    pauseMonths: null,
    variant: null,
  });
}

/** An answer given in the cancel flow: its reason and offer come from the flow live at `at`. */
function flowSurvey(
  rng: Rng,
  acc: SimAccount,
  at: number,
  choice: { reasonCode: ReasonCode | typeof NO_ANSWER_REASON; offer: CancelOffer; variant: Variant | null },
  outcome: CancellationOutcome,
  pauseMonths: number | null = null,
): void {
  const { reasonCode, offer, variant } = choice;
  const said = reasonCode === NO_ANSWER_REASON ? { freeText: null, competitor: null } : null;
  acc.responses.push({
    at,
    reasonCode,
    ...(said ?? verbatim(rng, reasonCode === NO_ANSWER_REASON ? "other" : reasonCode, outcome !== "canceled")),
    offerShown: offer.kind,
    offerAccepted: outcome !== "canceled",
    outcome,
    flowOffer: offer,
    pauseMonths,
    variant,
  });
}

/** Picks k distinct items, each with probability proportional to its weight (Efraimidis–Spirakis). */
function pickWeighted<T>(rng: Rng, items: T[], weight: (item: T) => number, k: number): T[] {
  if (k <= 0) return [];
  return items
    .map((item) => ({ item, key: Math.log(Math.max(rng.next(), 1e-12)) / weight(item) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, k)
    .map((x) => x.item);
}

export interface Simulation {
  accounts: SimAccount[];
  /** The first month simulated (UTC ms). */
  start: number;
  /** Events at or after this instant are in the future and are not stored. */
  anchor: number;
}

export interface BusinessShape {
  /** Monthly chance that an active customer's usage-based MRR moves up or down (0 for seat plans). */
  usageRate: number;
  /** Cancel-flow visits that end in a save, as a share of the month's churn. */
  saveFactor: number;
  /** The most users an account's team has in the activity data. */
  maxTeam: number;
}

/** The cancel flow's content live for a segment at an instant, or null where no flow was in use. */
export type FlowAt = (segment: Segment, at: number) => CancelFlowContent | null;

const SAVE_OFFER_WEIGHTS = { pause: 3, downgrade: 2, discount: 3, talk_to_us: 2 };

export const SEAT_BASED: BusinessShape = { usageRate: 0, saveFactor: 0.35, maxTeam: 60 };

/** Runs 30 months up to the anchor, plus 3 future months so that today's at-risk accounts are fading. */
export function simulate(
  rng: Rng,
  count: number,
  anchor: number,
  shape: BusinessShape = SEAT_BASED,
  flowAt: FlowAt = () => null,
): Simulation {
  const start = addMonths(monthStart(anchor), -29);
  const end = addMonths(monthStart(anchor), 3);
  const all = arrivals(rng, count, start, anchor);
  const churnCarry: Record<Segment, number> = { smb: 0, mid: 0, enterprise: 0 };
  const saveCarry: Record<Segment, number> = { smb: 0, mid: 0, enterprise: 0 };

  for (let ms = start; ms < end; ms = addMonths(ms, 1)) {
    const me = addMonths(ms, 1);
    const customersAtStart = all.filter((a) => a.status === "active" || a.status === "paused");

    for (const acc of all) {
      if (acc.convertAt !== null && acc.convertAt >= ms && acc.convertAt < me && acc.status === "trial") {
        push(acc, Math.max(acc.convertAt, acc.lastAt + HOUR), "converted", acc.mrr);
        acc.status = "active";
      }
    }

    const leaving = new Set<SimAccount>();
    for (const segment of SEGMENTS) {
      const base = customersAtStart.filter((a) => a.segment === segment);
      churnCarry[segment] += monthlyHazard(segment) * base.length;
      const k = Math.floor(churnCarry[segment]);
      churnCarry[segment] -= k;
      const eligible = base.filter(
        (a) => a.protectedUntil <= ms && addMonths(a.convertAt ?? a.arrival, MIN_TENURE_MONTHS[segment]) <= ms,
      );
      const weight = (a: SimAccount) => (1.6 - a.engagement) * (a.status === "paused" ? 3 : 1);
      for (const acc of pickWeighted(rng, eligible, weight, k)) leaving.add(acc);

      // Customers who open the cancel flow and take a save offer instead.
      saveCarry[segment] += monthlyHazard(segment) * base.length * shape.saveFactor;
      const saves = Math.floor(saveCarry[segment]);
      saveCarry[segment] -= saves;
      const savable = eligible.filter((a) => a.status === "active" && !leaving.has(a));
      for (const acc of pickWeighted(rng, savable, weight, saves)) {
        const at = slot(rng, acc, ms, me);
        if (at === null) continue;
        const flow = flowAt(segment, at);
        const choice = flow
          ? experimentChoice(flow, saveChoice(rng, flow, SAVE_OFFER_WEIGHTS, REASON_WEIGHTS), `${acc.externalId}@${at}`)
          : null;
        const offer = choice ? choice.offer.kind : rng.weighted(SAVE_OFFER_WEIGHTS);
        const answer = (outcome: CancellationOutcome, months: number | null = null) =>
          choice ? flowSurvey(rng, acc, at, choice, outcome, months) : survey(rng, acc, at, offer, true, outcome);
        acc.protectedUntil = at + 62 * DAY;
        if (offer === "pause") {
          const months = rng.int(1, choice?.offer.kind === "pause" ? choice.offer.maxMonths : 3);
          answer("paused", months);
          acc.mrrBeforePause = acc.mrr;
          push(acc, at + 60_000, "paused", 0);
          acc.status = "paused";
          acc.pausedUntil = addMonths(at, months);
        } else if (offer === "downgrade") {
          answer("downgraded");
          push(acc, at + 60_000, "contraction", Math.round((acc.mrr * 0.6) / 100) * 100);
        } else {
          answer("saved");
          if (offer === "discount") push(acc, at + 60_000, "contraction", Math.round((acc.mrr * 0.8) / 100) * 100);
        }
      }
    }

    for (const acc of leaving) {
      const at = slot(rng, acc, ms, me);
      if (at === null) continue;
      if (rng.chance(0.82)) {
        const flow = flowAt(acc.segment, at);
        if (flow) {
          const asked = at - Math.floor(rng.float(1, 30)) * 60_000;
          // The version live when the customer answered (a save of the flow may fall in between).
          const content = flowAt(acc.segment, asked) ?? flow;
          const choice = experimentChoice(
            content,
            cancelChoice(rng, content, REASON_WEIGHTS),
            `${acc.externalId}@${asked}`,
          );
          flowSurvey(rng, acc, asked, choice, "canceled");
        } else {
          const offer = rng.weighted({ none: 35, pause: 20, downgrade: 15, discount: 20, talk_to_us: 10 });
          survey(rng, acc, at - Math.floor(rng.float(1, 30)) * 60_000, offer, false, "canceled");
        }
      }
      push(acc, at, "canceled", 0);
      acc.status = "canceled";
      acc.canceledAt = at;
      acc.pausedUntil = null;
    }

    for (const acc of all) {
      if (leaving.has(acc)) continue;
      if (acc.status === "paused" && acc.pausedUntil !== null && acc.pausedUntil < me) {
        const at = slot(rng, acc, Math.max(ms, acc.pausedUntil), me);
        if (at !== null) {
          push(acc, at, "resumed", acc.mrrBeforePause);
          acc.status = "active";
          acc.pausedUntil = null;
        }
      } else if (acc.status === "active" && shape.usageRate > 0 && rng.chance(shape.usageRate)) {
        const at = slot(rng, acc, ms, me);
        if (at === null) continue;
        const up = rng.chance(0.6);
        const factor = up ? rng.float(1.02, 1.15) : rng.float(0.88, 0.98);
        push(acc, at, up ? "expansion" : "contraction", Math.max(100, Math.round((acc.mrr * factor) / 100) * 100));
      } else if (acc.status === "active" && acc.protectedUntil <= ms) {
        const roll = rng.next();
        if (acc.segment === "smb" && roll < 0.005) {
          const at = slot(rng, acc, ms, me);
          if (at === null) continue;
          acc.mrrBeforePause = acc.mrr;
          push(acc, at, "paused", rng.chance(0.7) ? 0 : Math.round(acc.mrr * 0.1));
          acc.status = "paused";
          acc.pausedUntil = addMonths(at, rng.int(1, 3));
        } else if (roll < 0.005 + EXPANSION[acc.segment]) {
          const at = slot(rng, acc, ms, me);
          if (at === null) continue;
          acc.seats += Math.max(1, Math.round(acc.seats * rng.float(0.1, 0.4)));
          push(acc, at, "expansion", Math.round((acc.mrr * rng.float(1.1, 1.5)) / 100) * 100);
        } else if (roll < 0.005 + EXPANSION[acc.segment] + CONTRACTION[acc.segment]) {
          const at = slot(rng, acc, ms, me);
          if (at === null) continue;
          acc.seats = Math.max(1, Math.round(acc.seats * rng.float(0.6, 0.9)));
          push(acc, at, "contraction", Math.round((acc.mrr * rng.float(0.6, 0.9)) / 100) * 100);
        }
      } else if (acc.status === "canceled" && acc.canceledAt !== null && ms - acc.canceledAt < 540 * DAY) {
        if (rng.chance(0.008)) {
          const at = slot(rng, acc, ms, me);
          if (at === null) continue;
          push(acc, at, "reactivated", Math.round((acc.mrr * rng.float(0.8, 1.1)) / 100) * 100);
          acc.status = "active";
          acc.canceledAt = null;
        }
      }
    }
  }
  return { accounts: all, start, anchor };
}
