// The health score of docs/metrics.md: six components in 0–1, weighted into 0–100, with the reasons a
// low score has, in words. Pure: the inputs are gathered by db/queries/health.
import type { CancelOfferShown } from "@/lib/types/cancel-flow";
import type { CancelSessionStatus } from "@/lib/values";

export const HEALTH_COMPONENTS = ["depth", "breadth", "trend", "billing", "intent", "voice"] as const;
export type HealthComponentName = (typeof HEALTH_COMPONENTS)[number];
export type HealthWeights = Record<HealthComponentName, number>;

// Usage carries most of the weight: a team that stops using the product is the earliest sign.
export const DEFAULT_WEIGHTS: HealthWeights = {
  depth: 0.25,
  breadth: 0.15,
  trend: 0.3,
  billing: 0.1,
  intent: 0.1,
  voice: 0.1,
};
export const DEFAULT_THRESHOLD = 50;

export interface HealthSettings {
  weights: HealthWeights;
  keyFeatures: string[];
  threshold: number;
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  weights: DEFAULT_WEIGHTS,
  keyFeatures: [],
  threshold: DEFAULT_THRESHOLD,
};

/** Windows: the 28 days up to asOf ("last") and the 28 days before them ("previous"). */
export interface HealthInputs {
  /**
   * Whether the account has sent any product activity before asOf. One that never has (billing
   * data only) has no depth, breadth or trend: they are left out, not scored 0.
   */
  everActive: boolean;
  seatsPaid: number | null;
  activeUsersLast: number;
  activeUsersPrevious: number;
  /** Distinct key features used in the last 28 days. */
  keyFeaturesUsed: number;
  /** Failed payments in the 30 days before asOf with no recovery after them. */
  unrecoveredFailedPayments: number;
  /** The latest cancellation-survey answer of the 90 days before asOf. */
  latestResponse: { submittedAt: Date; offerShown: string; offerAccepted: boolean; outcome: string } | null;
  /** The last opening of the cancel page (not a preview) in the 30 days before asOf, if any. */
  latestVisit?: CancelVisit | null;
  /** The latest NPS answer of the 180 days before asOf. */
  latestNps: { score: number; at: Date } | null;
  /**
   * Champions and decision makers who left the customer's company in the 90 days before asOf, the
   * latest first: named among the reasons, without changing the score.
   */
  departures?: Departure[];
}

export interface Departure {
  name: string;
  role: "champion" | "decision_maker";
  leftAt: Date;
}

const DEPARTED_ROLE: Record<Departure["role"], string> = { champion: "Champion", decision_maker: "Decision maker" };

/** "Champion Dana Lee left on 3 Nov". */
export const departureWords = (d: Departure) => `${DEPARTED_ROLE[d.role]} ${d.name} left on ${shortDate(d.leftAt)}`;

/** A visit to the cancel page: when it was opened, how its session stood at asOf, what it offered. */
export interface CancelVisit {
  openedAt: Date;
  status: CancelSessionStatus;
  offer: CancelOfferShown | null;
  offerAccepted: boolean;
  /** Sessions opened in the 30 days. */
  visits: number;
}

export interface HealthComponent {
  name: HealthComponentName;
  /** 0–1. */
  value: number;
  /** The share of the score, after components without data are left out (the shares sum to 1). */
  weight: number;
  /** The data behind the value, in words. */
  detail: string;
}

export interface HealthResult {
  /** 0–100, not rounded. */
  score: number;
  components: HealthComponent[];
  /** Why the score is low, the largest loss first; empty for a healthy account. */
  reasons: string[];
}

const DAY = 86_400_000;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const shortDate = (d: Date) => SHORT_DATE.format(d);
const OFFER_WORDS: Record<string, string> = {
  pause: "pause",
  downgrade: "downgrade",
  discount: "discount",
  talk_to_us: "talk-to-us",
};

/**
 * A visit in words: "Opened the cancel page on 3 Nov and took the pause offer" — with the count when
 * there were more ("Opened the cancel page 2 times in 30 days, last on 3 Nov, and …").
 */
export function visitWords(v: CancelVisit): string {
  const opened =
    v.visits > 1
      ? `Opened the cancel page ${v.visits} times in 30 days, last on ${shortDate(v.openedAt)},`
      : `Opened the cancel page on ${shortDate(v.openedAt)}`;
  const offer = v.offer && v.offer.kind !== "none" ? OFFER_WORDS[v.offer.kind] : undefined;
  switch (v.status) {
    case "saved":
      return offer && v.offerAccepted ? `${opened} and took the ${offer} offer` : `${opened} and stayed`;
    case "canceled":
      return offer
        ? `${opened} and turned down the ${offer} offer, then chose to cancel`
        : `${opened} and chose to cancel`;
    case "open":
      return `${opened} and has not finished`;
    default:
      return `${opened} and left without choosing`;
  }
}

function daysAgo(then: Date, asOf: Date): string {
  const days = Math.floor((asOf.getTime() - then.getTime()) / DAY);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

interface Part {
  name: HealthComponentName;
  value: number;
  detail: string;
  /** The reason shown when the component pulls the score down; null when it does not. */
  reason: string | null;
}

/** Depth, breadth and trend: the usage components, for an account that has sent activity. */
function usageParts(inputs: HealthInputs, keyFeatureCount: number): Part[] {
  const { activeUsersLast: last, activeUsersPrevious: previous } = inputs;
  const out: Part[] = [];
  if (inputs.seatsPaid !== null && inputs.seatsPaid > 0) {
    const value = Math.min(1, last / inputs.seatsPaid);
    out.push({
      name: "depth",
      value,
      detail: `${plural(last, "active user")} in 28 days for ${plural(inputs.seatsPaid, "paid seat")}`,
      reason: value < 0.5 ? `${last} of ${plural(inputs.seatsPaid, "paid seat")} active in the last 28 days` : null,
    });
  }

  if (keyFeatureCount > 0) {
    const value = Math.min(1, inputs.keyFeaturesUsed / keyFeatureCount);
    const words = `Uses ${inputs.keyFeaturesUsed} of ${plural(keyFeatureCount, "key feature")}`;
    out.push({ name: "breadth", value, detail: `${words} in the last 28 days`, reason: value < 0.5 ? words : null });
  }

  const trend = previous === 0 ? (last === 0 ? 0 : 1) : Math.min(1, last / previous);
  let trendReason: string | null = null;
  if (previous === 0 && last === 0) trendReason = "No active users in the last 56 days";
  else if (previous > 0 && trend < 0.8) {
    trendReason = `Active users down ${Math.round((1 - last / previous) * 100)} % over 28 days (${previous} → ${last})`;
  }
  out.push({
    name: "trend",
    value: trend,
    detail: `${plural(last, "active user")} in the last 28 days, ${previous} in the 28 days before`,
    reason: trendReason,
  });

  return out;
}

function parts(inputs: HealthInputs, keyFeatureCount: number, asOf: Date): Part[] {
  const out: Part[] = [];
  if (inputs.everActive) out.push(...usageParts(inputs, keyFeatureCount));

  const failed = inputs.unrecoveredFailedPayments;
  out.push({
    name: "billing",
    value: failed === 0 ? 1 : failed === 1 ? 0.5 : 0,
    detail:
      failed === 0
        ? "No unrecovered failed payment in 30 days"
        : `${plural(failed, "failed payment")} not recovered in 30 days`,
    reason: failed === 0 ? null : `${plural(failed, "failed payment")} not recovered`,
  });

  const response = inputs.latestResponse;
  const visit = inputs.latestVisit ?? null;
  let intent = "No visit to the cancel page in 30 days and no cancellation-survey answer in 90 days";
  if (visit) intent = visitWords(visit);
  else if (response) {
    const offer = OFFER_WORDS[response.offerShown];
    intent = `Opened the cancel survey ${daysAgo(response.submittedAt, asOf)}`;
    if (offer && response.offerAccepted) intent += ` and took the ${offer} offer`;
    else if (offer) intent += ` and turned down the ${offer} offer`;
    if (response.outcome === "canceled") intent += offer ? ", then chose to cancel" : " and chose to cancel";
  }
  const leaving = visit !== null || response !== null;
  out.push({ name: "intent", value: leaving ? 0 : 1, detail: intent, reason: leaving ? intent : null });

  if (inputs.latestNps) {
    const { score, at } = inputs.latestNps;
    const words = `NPS ${score} on ${shortDate(at)}`;
    out.push({
      name: "voice",
      value: score / 10,
      detail: `Latest NPS answer: ${score} on ${shortDate(at)}`,
      reason: score <= 6 ? words : null,
    });
  }
  return out;
}

export function computeHealth(inputs: HealthInputs, settings: HealthSettings, asOf: Date): HealthResult {
  const present = parts(inputs, settings.keyFeatures.length, asOf);
  const total = present.reduce((sum, p) => sum + settings.weights[p.name], 0);
  const components = present.map((p) => ({
    name: p.name,
    value: p.value,
    weight: total > 0 ? settings.weights[p.name] / total : 0,
    detail: p.detail,
  }));
  const score = total > 0 ? 100 * components.reduce((sum, c) => sum + c.value * c.weight, 0) : 100;
  const reasons = present
    .map((p, i) => ({ reason: p.reason, loss: (components[i]?.weight ?? 0) * (1 - p.value) }))
    .filter((r): r is { reason: string; loss: number } => r.reason !== null && r.loss > 0)
    .sort((a, b) => b.loss - a.loss)
    .map((r) => r.reason);
  // Someone who carried the account leaving costs no points, but comes first: it is the news.
  return { score, components, reasons: [...(inputs.departures ?? []).map(departureWords), ...reasons] };
}
