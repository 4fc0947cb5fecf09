// What a customer answers when the cancel flow asks (the demo's last six months): a reason the flow
// offers, the offer that flow gives for it, and — for a save — an offer that some reason leads to.
import type { CancelFlowContent, CancelOffer } from "@/lib/types/cancel-flow";
import { NO_ANSWER_REASON, type SaveOffer } from "@/lib/values";
import { type Variant, variantFor } from "@/lib/metrics/variant";
import type { Rng } from "./random";
import { REASON_CODES, type ReasonCode } from "./verbatims";

/** Cancels pressed before choosing any reason. */
const NO_ANSWER_SHARE = 0.07;

const isReasonCode = (code: string): code is ReasonCode => REASON_CODES.some((c) => c === code);

/** The flow's offer for each reason code (`other` is "something else"). */
export function flowOffers(content: CancelFlowContent): Map<ReasonCode, CancelOffer> {
  const offers = new Map<ReasonCode, CancelOffer>();
  for (const r of content.reasons) if (isReasonCode(r.code)) offers.set(r.code, r.offer);
  offers.set("other", content.somethingElseOffer);
  return offers;
}

function only<K extends string>(weights: Readonly<Record<K, number>>, keep: (key: K) => boolean): Record<K, number> {
  const out: Record<K, number> = { ...weights };
  for (const key in out) if (!keep(key)) out[key] = 0;
  return out;
}

/** A saved customer's reason and offer: offer kinds weighted by `base` times the reasons leading to them. */
export function saveChoice(
  rng: Rng,
  content: CancelFlowContent,
  base: Readonly<Record<Exclude<SaveOffer, "none">, number>>,
  reasonWeights: Readonly<Record<ReasonCode, number>>,
): { reasonCode: ReasonCode; offer: CancelOffer } {
  const offers = flowOffers(content);
  const kinds = { pause: 0, downgrade: 0, discount: 0, talk_to_us: 0 };
  for (const offer of offers.values()) if (offer.kind !== "none") kinds[offer.kind] += base[offer.kind];
  const kind = rng.weighted(kinds);
  const reasonCode = rng.weighted(only(reasonWeights, (code) => offers.get(code)?.kind === kind));
  return { reasonCode, offer: offers.get(reasonCode) ?? { kind: "none" } };
}

/** A canceling customer's reason (or none given) and the offer the flow showed for it. */
export function cancelChoice(
  rng: Rng,
  content: CancelFlowContent,
  reasonWeights: Readonly<Record<ReasonCode, number>>,
): { reasonCode: ReasonCode | typeof NO_ANSWER_REASON; offer: CancelOffer } {
  if (rng.chance(NO_ANSWER_SHARE)) return { reasonCode: NO_ANSWER_REASON, offer: { kind: "none" } };
  const offers = flowOffers(content);
  const reasonCode = rng.weighted(only(reasonWeights, (code) => offers.has(code)));
  return { reasonCode, offer: offers.get(reasonCode) ?? { kind: "none" } };
}

/**
 * The offer an answer met under the flow's experiment: when it chose the experiment's reason, the
 * variant `key` hashes to (so a demo is the same every time, with no draw of the random stream) and
 * that variant's offer; otherwise no variant (its session gets one from its own id).
 */
export function experimentChoice<C extends { reasonCode: string; offer: CancelOffer }>(
  content: CancelFlowContent,
  choice: C,
  key: string,
): C & { variant: Variant | null } {
  const experiment = content.experiment;
  if (!experiment || experiment.reasonCode !== choice.reasonCode) return { ...choice, variant: null };
  const variant = variantFor(key, experiment.shareB);
  return { ...choice, offer: variant === "B" ? experiment.offerB : choice.offer, variant };
}
