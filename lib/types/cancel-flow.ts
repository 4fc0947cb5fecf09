// The cancel flow (SPEC §7) as admins edit it and as the customer's page renders it. A flow's
// content is kept whole in each of its versions (db/schema/cancel.ts); lib/validation/cancel-flow.ts
// checks it against these shapes.
import type { CancelSessionStatus, CancelStep, Segment } from "@/lib/values";

/** What a reason offers before the customer confirms. Stripe ids are optional and used by a later change. */
export type CancelOffer =
  | { kind: "none" }
  /** Pause for 1 to `maxMonths` (≤ 3) months; the customer picks. */
  | { kind: "pause"; maxMonths: number }
  /** Move to a named plan at a monthly price (integer cents). */
  | { kind: "downgrade"; plan: string; priceCents: number; stripePriceId?: string }
  /** `percent` off for `months` months. */
  | { kind: "discount"; percent: number; months: number; stripeCouponId?: string }
  /** A link to talk to a person (a booking page); following it saves the session. */
  | { kind: "talk_to_us"; url: string; label: string };

export type CancelOfferKind = CancelOffer["kind"];

export interface CancelReason {
  /** The reason code stored on the answer (Stripe's feedback codes by default), so the taxonomy files it. */
  code: string;
  /** The label the customer reads. */
  label: string;
  /** An optional free-text question asked after this reason is chosen. */
  followUp: { question: string; required: boolean } | null;
  offer: CancelOffer;
}

/** The words of the page: admins write them in the flow's language. */
export interface CancelFlowTexts {
  lossHeading: string;
  reasonHeading: string;
  /** Under the reasons: the invitation to candour ("tell us what we got wrong"). */
  reasonIntro: string;
  somethingElseLabel: string;
  offerHeading: string;
  confirmHeading: string;
  confirmBody: string;
  cancelButton: string;
  goodbyeHeading: string;
  /** What happens to their data once they leave. */
  goodbyeData: string;
  /** How to come back. */
  goodbyeReturn: string;
  savedHeading: string;
  savedBody: string;
}

export interface CancelFlowContent {
  productName: string;
  /** An https URL of the logo, or null for the product name alone. */
  logoUrl: string | null;
  /** `#rrggbb`: buttons, links and focus rings. */
  accentColor: string;
  /** Whether the page opens with "What you would lose". */
  showLoss: boolean;
  /** 3 to 8 reasons, in the order shown. */
  reasons: CancelReason[];
  /** The offer for the honest "something else" (reason code `other`, with the customer's words). */
  somethingElseOffer: CancelOffer;
  /** The running experiment, if any (versions saved before experiments existed have none). */
  experiment?: CancelExperiment | null;
  texts: CancelFlowTexts;
}

/**
 * An experiment on one offer slot of a flow version (SPEC §7; one per version): variant A keeps the
 * slot's own offer, variant B shows `offerB`, to a `shareB` fraction of sessions chosen by a hash of
 * the session id (lib/metrics/variant.ts).
 */
export interface CancelExperiment {
  /** The slot: a reason's code, or `other` for "something else". */
  reasonCode: string;
  offerB: CancelOffer;
  /** 0.05 to 0.95. */
  shareB: number;
}

/** Which accounts and locales a flow is for; empty lists match everything. First match wins. */
export interface CancelFlowTargeting {
  segments: Segment[];
  plans: string[];
  /** BCP 47 tags; `de` matches `de-AT`. */
  locales: string[];
}

/** One saved version of a flow, as the editor's history lists it. */
export interface CancelFlowVersionRow<When = string> {
  id: string;
  flowId: string;
  version: number;
  name: string;
  targeting: CancelFlowTargeting;
  content: CancelFlowContent;
  /** What this version changed from the one before, in words ("Reason 2's offer: pause → discount"). */
  changes: string[];
  createdBy: string | null;
  /** The name of the user who saved it (null when made by Holdfast, or the user is gone). */
  createdByName?: string | null;
  createdAt: When;
}

/** What a version of a flow is made of, as the editor saves it and the history compares it. */
export interface CancelFlowSnapshot {
  name: string;
  targeting: CancelFlowTargeting;
  content: CancelFlowContent;
}

/** A flow as the admin list shows it: its newest version. */
export interface CancelFlowRow<When = string> {
  id: string;
  isDefault: boolean;
  /** The order targeted flows are tried in (the default is tried last). */
  position: number;
  current: CancelFlowVersionRow<When>;
  versions: number;
}

/** The facts "What you would lose" shows: this account's own data only. */
export interface CancelLossFacts {
  activeUsers28d: number;
  seats: number | null;
  /** The features this account used most in the last 28 days. */
  keyFeatures: string[];
  monthsAsCustomer: number;
}

/** The offer the customer was shown, as the API and the webhook give it. */
export interface CancelOfferShown {
  kind: CancelOfferKind;
  months?: number;
  percent?: number;
  plan?: string;
}

/** `GET /api/v1/cancel-sessions/{id}` and the `cancel_session.completed` webhook's `data` (SPEC §7). */
export interface CancelSessionWire {
  id: string;
  accountExternalId: string;
  status: CancelSessionStatus;
  flowVersion: number;
  variant: string | null;
  reasonCode: string | null;
  freeText: string | null;
  offer: CancelOfferShown | null;
  startedAt: string;
  endedAt: string | null;
}

/** Everything the customer's page needs to draw one step of a session. */
export interface CancelPageModel {
  sessionId: string;
  step: CancelStep;
  status: CancelSessionStatus;
  locale: string;
  /**
   * The locale whose language the page's own words (buttons, hints) use, so they match the flow's
   * texts: the session's when the flow is targeted at its language, else the flow's first targeted
   * locale, else English. Absent: the session's locale.
   */
  wordsLocale?: string;
  content: CancelFlowContent;
  /** Null when the flow does not show the loss step. */
  loss: CancelLossFacts | null;
  reasonCode: string | null;
  freeText: string | null;
  /** The offer matched to the chosen reason, when the offer step applies. */
  offer: CancelOffer | null;
  /** Where "Return to <product>" goes, with `holdfast_session` and `outcome` (null while open). */
  returnTo: string | null;
  preview: boolean;
}

/** Why the page refused an answer: no reason chosen, a required question left empty, pause months out of range. */
export type CancelAnswerProblem =
  { kind: "choose-reason" } | { kind: "answer-required" } | { kind: "pause-months"; maxMonths: number };
