// The flow a new installation starts with: Stripe's cancellation feedback codes (so the taxonomy
// files every answer), an offer for each reason where one fits, and kind, plain words.
import type { CancelFlowContent, CancelFlowTexts } from "@/lib/types/cancel-flow";

export const DEFAULT_TEXTS: CancelFlowTexts = {
  lossHeading: "Before you go, here is what your team has built",
  reasonHeading: "Why are you cancelling?",
  reasonIntro: "Tell us what we got wrong. An honest answer helps us more than a polite one.",
  somethingElseLabel: "Something else",
  offerHeading: "Would this help?",
  confirmHeading: "Cancel your subscription?",
  confirmBody: "Your subscription ends at the close of the current billing period. Nothing more is charged.",
  cancelButton: "Cancel subscription",
  goodbyeHeading: "Your subscription is cancelled",
  goodbyeData:
    "Your data stays in your account for 90 days, so nothing is lost if you change your mind. After that it is deleted for good.",
  goodbyeReturn: "You can come back at any time: sign in and choose a plan, and everything is where you left it.",
  savedHeading: "Thank you for staying",
  savedBody: "Your change is on its way. You will receive a confirmation by e-mail.",
};

export const DEFAULT_FLOW_NAME = "Default flow";

export function defaultFlowContent(productName = "Your product"): CancelFlowContent {
  return {
    productName,
    logoUrl: null,
    accentColor: "#4f46e5",
    showLoss: true,
    reasons: [
      {
        code: "too_expensive",
        label: "It costs too much",
        followUp: null,
        offer: { kind: "discount", percent: 25, months: 3 },
      },
      {
        code: "unused",
        label: "We don't use it enough",
        followUp: null,
        offer: { kind: "pause", maxMonths: 3 },
      },
      {
        code: "missing_features",
        label: "It is missing something we need",
        followUp: { question: "What was missing?", required: false },
        // A talk-to-us offer needs the installation's own booking link: the admin adds it in the editor.
        offer: { kind: "none" },
      },
      {
        code: "switched_service",
        label: "We are moving to another product",
        followUp: { question: "Which one, and why?", required: false },
        offer: { kind: "none" },
      },
      {
        code: "too_complex",
        label: "It is too hard to use",
        followUp: null,
        offer: { kind: "none" },
      },
      {
        code: "low_quality",
        label: "It doesn't work well enough",
        followUp: { question: "What went wrong?", required: false },
        offer: { kind: "none" },
      },
    ],
    somethingElseOffer: { kind: "none" },
    experiment: null,
    texts: DEFAULT_TEXTS,
  };
}
