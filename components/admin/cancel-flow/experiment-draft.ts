// Starting and ending an offer experiment in the editor's draft: a new one on the first reason, and
// the end that keeps variant A (the slot's own offer) or B (its offer becomes the slot's).
import { SOMETHING_ELSE_REASON } from "@/lib/values";
import { EMPTY_OFFER, type ExperimentDraft, type FlowDraft, type OfferDraft } from "./draft";

/** The offer a slot (a reason's code, or `other`) shows in the draft now: variant A's. */
export function slotOfferDraft(d: FlowDraft, reasonCode: string): OfferDraft | null {
  if (reasonCode === SOMETHING_ELSE_REASON) return d.somethingElseOffer;
  return d.reasons.find((r) => r.code === reasonCode)?.offer ?? null;
}

/** A new experiment on the first reason: B starts as a copy of its offer, shown to half the sessions. */
export function newExperiment(d: FlowDraft): ExperimentDraft {
  const reasonCode = d.reasons[0]?.code ?? SOMETHING_ELSE_REASON;
  return { reasonCode, offerB: { ...(slotOfferDraft(d, reasonCode) ?? EMPTY_OFFER) }, shareB: "50" };
}

/**
 * The draft with its experiment ended by keeping `variant`: A leaves the slot's offer as it is; B
 * makes the experiment's offer the slot's own. Either way every session after the save sees one offer.
 */
export function keepVariant(d: FlowDraft, variant: "A" | "B"): FlowDraft {
  const experiment = d.experiment;
  if (!experiment) return d;
  if (variant === "A") return { ...d, experiment: null };
  const offer = { ...experiment.offerB };
  if (experiment.reasonCode === SOMETHING_ELSE_REASON) return { ...d, somethingElseOffer: offer, experiment: null };
  return {
    ...d,
    reasons: d.reasons.map((r) => (r.code === experiment.reasonCode ? { ...r, offer } : r)),
    experiment: null,
  };
}
