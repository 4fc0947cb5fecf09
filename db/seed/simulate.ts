// Simulates a SaaS business month by month: trials, conversions, expansions, contractions, pauses,
// saves, cancellations and reactivations. Churn per segment follows a monthly hazard with error
// diffusion, so yearly churn lands near its target for any seed instead of wandering with chance.
import type { SubscriptionEventType } from "@/lib/metrics/state";
import { companyName } from "./names";
import type { Rng } from "./random";
import { DAY, HOUR, addMonths, monthStart } from "./time";
import { type ReasonCode, verbatim } from "./verbatims";

export type Segment = "smb" | "mid" | "enterprise";
type Offer = "none" | "pause" | "downgrade" | "discount" | "talk_to_us";
type Outcome = "canceled" | "saved" | "paused" | "downgraded";

export interface SimEvent {
  at: number;
  type: SubscriptionEventType;
  mrr: number;
}

export interface SimResponse {
  at: number;
  reasonCode: ReasonCode;
  freeText: string | null;
  competitor: string | null;
  offerShown: Offer;
  offerAccepted: boolean;
  outcome: Outcome;
}

export interface SimAccount {
  index: number;
  externalId: string;
  name: string;
  domain: string;
  segment: Segment;
  plan: string;
  seats: number;
  /** 0–1: how much the team uses the product; low engagement churns more. */
  engagement: number;
  arrival: number;
  trialEndsAt: number | null;
  events: SimEvent[];
  responses: SimResponse[];
  // Simulation state.
  status: "trial" | "active" | "paused" | "canceled";
  mrr: number;
  lastAt: number;
  convertAt: number | null;
  pausedUntil: number | null;
  mrrBeforePause: number;
  protectedUntil: number;
  canceledAt: number | null;
}

/** Yearly logo churn targets, turned into monthly hazards. */
const YEARLY_CHURN: Record<Segment, number> = { smb: 0.48, mid: 0.2, enterprise: 0.056 };
/** Enterprise contracts are annual: they can only end after this many months. */
const MIN_TENURE_MONTHS: Record<Segment, number> = { smb: 0, mid: 1, enterprise: 10 };
const MONTHLY_HAZARD = Object.fromEntries(
  Object.entries(YEARLY_CHURN).map(([s, y]) => [s, 1 - Math.pow(1 - y, 1 / 12)]),
) as Record<Segment, number>;
const TRIAL_CONVERSION: Record<Segment, number> = { smb: 0.24, mid: 0.28, enterprise: 0.3 };
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
const SEGMENTS: Segment[] = ["smb", "mid", "enterprise"];

function price(rng: Rng, segment: Segment): { plan: string; mrr: number; seats: number } {
  if (segment === "smb") {
    const plan = rng.weighted({ starter: 3, growth: 2 });
    const mrr = plan === "starter" ? rng.pick([4900, 7900, 9900]) : rng.pick([19900, 29900, 49900]);
    return { plan, mrr, seats: plan === "starter" ? rng.int(2, 5) : rng.int(5, 12) };
  }
  if (segment === "mid") return { plan: "business", mrr: rng.int(5, 25) * 10000, seats: rng.int(12, 40) };
  return { plan: "enterprise", mrr: rng.int(30, 120) * 10000, seats: rng.int(40, 120) };
}

/** A random instant in [from, to) after the account's last event, or null when there is no room. */
function slot(rng: Rng, acc: SimAccount, from: number, to: number): number | null {
  const start = Math.max(from, acc.lastAt + HOUR);
  if (start >= to - HOUR) return null;
  return Math.floor(rng.float(start, to - HOUR) / 1000) * 1000;
}

function push(acc: SimAccount, at: number, type: SubscriptionEventType, mrr: number): void {
  acc.events.push({ at, type, mrr });
  acc.lastAt = at;
  if (type !== "canceled" && type !== "trial_started") acc.mrr = mrr;
}

function survey(rng: Rng, acc: SimAccount, at: number, offer: Offer, accepted: boolean, outcome: Outcome): void {
  const reasonCode = rng.weighted(REASON_WEIGHTS);
  acc.responses.push({
    at,
    reasonCode,
    ...verbatim(rng, reasonCode, accepted),
    offerShown: offer,
    offerAccepted: accepted,
    outcome,
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

function arrivals(rng: Rng, count: number, from: number, to: number): SimAccount[] {
  const taken = new Set<string>();
  const list: SimAccount[] = [];
  for (let i = 0; i < count; i++) {
    // Density grows 2.5× over the period: a business that is growing.
    const u = rng.next();
    const x = (-1 + Math.sqrt(1 + 5.25 * u)) / 1.5;
    const arrival = Math.floor((from + x * (to - from - DAY)) / 1000) * 1000;
    const salesLed = rng.chance(0.3);
    const segment: Segment = salesLed
      ? rng.weighted({ smb: 25, mid: 45, enterprise: 30 })
      : rng.weighted({ smb: 78, mid: 18, enterprise: 4 });
    const { plan, mrr, seats } = price(rng, segment);
    const { name, domain } = companyName(rng, taken);
    const acc: SimAccount = {
      index: i,
      externalId: `cus_${rng.token(14)}`,
      name,
      domain,
      segment,
      plan,
      seats,
      engagement: Math.min(0.97, Math.max(0.15, rng.float(0.25, 1.0))),
      arrival,
      trialEndsAt: null,
      events: [],
      responses: [],
      status: "trial",
      mrr,
      lastAt: arrival - HOUR,
      convertAt: null,
      pausedUntil: null,
      mrrBeforePause: 0,
      protectedUntil: 0,
      canceledAt: null,
    };
    if (salesLed) {
      acc.convertAt = arrival;
    } else {
      push(acc, arrival, "trial_started", 0);
      acc.mrr = mrr;
      acc.trialEndsAt = arrival + 14 * DAY;
      if (rng.chance(TRIAL_CONVERSION[segment])) acc.convertAt = arrival + Math.floor(rng.float(2, 17) * DAY);
    }
    list.push(acc);
  }
  return list.sort((a, b) => a.arrival - b.arrival || a.index - b.index);
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

export const SEAT_BASED: BusinessShape = { usageRate: 0, saveFactor: 0.35, maxTeam: 60 };

/** Runs 30 months up to the anchor, plus 3 future months so that today's at-risk accounts are fading. */
export function simulate(rng: Rng, count: number, anchor: number, shape: BusinessShape = SEAT_BASED): Simulation {
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
      churnCarry[segment] += MONTHLY_HAZARD[segment] * base.length;
      const k = Math.floor(churnCarry[segment]);
      churnCarry[segment] -= k;
      const eligible = base.filter(
        (a) => a.protectedUntil <= ms && addMonths(a.convertAt ?? a.arrival, MIN_TENURE_MONTHS[segment]) <= ms,
      );
      const weight = (a: SimAccount) => (1.6 - a.engagement) * (a.status === "paused" ? 3 : 1);
      for (const acc of pickWeighted(rng, eligible, weight, k)) leaving.add(acc);

      // Customers who open the cancel flow and take a save offer instead.
      saveCarry[segment] += MONTHLY_HAZARD[segment] * base.length * shape.saveFactor;
      const saves = Math.floor(saveCarry[segment]);
      saveCarry[segment] -= saves;
      const savable = eligible.filter((a) => a.status === "active" && !leaving.has(a));
      for (const acc of pickWeighted(rng, savable, weight, saves)) {
        const at = slot(rng, acc, ms, me);
        if (at === null) continue;
        const offer = rng.weighted({ pause: 3, downgrade: 2, discount: 3, talk_to_us: 2 });
        acc.protectedUntil = at + 62 * DAY;
        if (offer === "pause") {
          survey(rng, acc, at, offer, true, "paused");
          acc.mrrBeforePause = acc.mrr;
          push(acc, at + 60_000, "paused", 0);
          acc.status = "paused";
          acc.pausedUntil = addMonths(at, rng.int(1, 3));
        } else if (offer === "downgrade") {
          survey(rng, acc, at, offer, true, "downgraded");
          push(acc, at + 60_000, "contraction", Math.round((acc.mrr * 0.6) / 100) * 100);
        } else {
          survey(rng, acc, at, offer, true, "saved");
          if (offer === "discount") push(acc, at + 60_000, "contraction", Math.round((acc.mrr * 0.8) / 100) * 100);
        }
      }
    }

    for (const acc of leaving) {
      const at = slot(rng, acc, ms, me);
      if (at === null) continue;
      if (rng.chance(0.82)) {
        const offer = rng.weighted({ none: 35, pause: 20, downgrade: 15, discount: 20, talk_to_us: 10 });
        survey(rng, acc, at - Math.floor(rng.float(1, 30)) * 60_000, offer, false, "canceled");
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
