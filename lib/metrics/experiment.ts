// What an experiment's variants show (SPEC §7): variant A keeps the slot's own offer, variant B
// shows the experiment's `offerB`. Pure, so the page, the reasons report and the editor's preview
// read the same answer.
import type { CancelFlowContent, CancelOffer } from "@/lib/types/cancel-flow";
import { SOMETHING_ELSE_REASON } from "@/lib/values";

/**
 * The flow as a session of `variant` sees it: in variant B the experiment's slot offers `offerB`.
 * Every step, the page and the answer read the offer from this, so a session meets one offer only.
 */
export function contentForVariant(content: CancelFlowContent, variant: string | null): CancelFlowContent {
  const experiment = content.experiment;
  if (!experiment || variant !== "B") return content;
  if (experiment.reasonCode === SOMETHING_ELSE_REASON) return { ...content, somethingElseOffer: experiment.offerB };
  return {
    ...content,
    reasons: content.reasons.map((r) => (r.code === experiment.reasonCode ? { ...r, offer: experiment.offerB } : r)),
  };
}

/** The offer the experiment's slot shows to `variant`; null when the content runs no experiment. */
export function slotOffer(content: CancelFlowContent, variant: string): CancelOffer | null {
  const experiment = content.experiment;
  if (!experiment) return null;
  const seen = contentForVariant(content, variant);
  if (experiment.reasonCode === SOMETHING_ELSE_REASON) return seen.somethingElseOffer;
  return seen.reasons.find((r) => r.code === experiment.reasonCode)?.offer ?? null;
}
