// The accounts of the simulated business: their shape, how they arrive (trials and sales-led deals)
// and the two moves every month of the simulation makes on them (an instant to act, an event).
import type { Variant } from "@/lib/metrics/variant";
import type { CancelOffer } from "@/lib/types/cancel-flow";
import type { CancellationOutcome, NO_ANSWER_REASON, SaveOffer, Segment, SubscriptionEventType } from "@/lib/values";
import { companyName } from "./names";
import type { Rng } from "./random";
import { DAY, HOUR } from "./time";
import type { ReasonCode } from "./verbatims";

export interface SimEvent {
  at: number;
  type: SubscriptionEventType;
  mrr: number;
}

export interface SimResponse {
  at: number;
  /** `no_answer`: canceled in the flow before choosing a reason. */
  reasonCode: ReasonCode | typeof NO_ANSWER_REASON;
  freeText: string | null;
  competitor: string | null;
  offerShown: SaveOffer;
  offerAccepted: boolean;
  outcome: CancellationOutcome;
  /** The offer as the cancel flow showed it (null: the answer came before the flow was in use). */
  flowOffer: CancelOffer | null;
  /** The months a customer chose for a pause they accepted. */
  pauseMonths: number | null;
  /** The experiment variant whose offer the answer met, when it chose the experiment's reason. */
  variant: Variant | null;
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

const TRIAL_CONVERSION: Record<Segment, number> = { smb: 0.24, mid: 0.28, enterprise: 0.3 };

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
export function slot(rng: Rng, acc: SimAccount, from: number, to: number): number | null {
  const start = Math.max(from, acc.lastAt + HOUR);
  if (start >= to - HOUR) return null;
  return Math.floor(rng.float(start, to - HOUR) / 1000) * 1000;
}

export function push(acc: SimAccount, at: number, type: SubscriptionEventType, mrr: number): void {
  acc.events.push({ at, type, mrr });
  acc.lastAt = at;
  if (type !== "canceled" && type !== "trial_started") acc.mrr = mrr;
}

/** `count` accounts arriving in [from, to), more of them towards the end, sorted by arrival. */
export function arrivals(rng: Rng, count: number, from: number, to: number): SimAccount[] {
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
