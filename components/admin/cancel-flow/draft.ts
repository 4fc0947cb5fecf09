// The cancel-flow editor's form state: a flow as the inputs hold it (numbers as typed text, every
// offer's fields kept while its kind changes), turned into what Save sends, and the schema's errors
// keyed by the field they name.
import type {
  CancelFlowContent,
  CancelFlowSnapshot,
  CancelFlowTexts,
  CancelOffer,
  CancelOfferKind,
  CancelReason,
} from "@/lib/types/cancel-flow";
import { TEXT_FIELDS } from "@/lib/cancel/diff";
import { saveCancelFlowSchema } from "@/lib/validation/cancel-flow";
import type { Segment } from "@/lib/values";

export interface OfferDraft {
  kind: CancelOfferKind;
  maxMonths: string;
  plan: string;
  /** In whole currency units with up to two decimals ("19.00"). */
  price: string;
  stripePriceId: string;
  percent: string;
  months: string;
  stripeCouponId: string;
  url: string;
  label: string;
}

export interface ReasonDraft {
  /** A key for React only. */
  key: string;
  code: string;
  label: string;
  ask: boolean;
  question: string;
  required: boolean;
  offer: OfferDraft;
}

/** An experiment as its inputs hold it: variant B's offer with every kind's fields, the share as typed. */
export interface ExperimentDraft {
  /** The slot: a reason's code, or `other` for "something else". */
  reasonCode: string;
  offerB: OfferDraft;
  /** Whole percent of sessions shown variant B, as typed ("50"). */
  shareB: string;
}

export interface FlowDraft {
  name: string;
  segments: Segment[];
  /** Comma-separated, as typed. */
  plans: string;
  locales: string;
  productName: string;
  logoUrl: string;
  accentColor: string;
  showLoss: boolean;
  reasons: ReasonDraft[];
  somethingElseOffer: OfferDraft;
  /** The running experiment, kept as it is through an edit of anything else. */
  experiment: ExperimentDraft | null;
  texts: CancelFlowTexts;
}

let keys = 0;
export const newKey = () => `r${++keys}`;

export const EMPTY_OFFER: OfferDraft = {
  kind: "none",
  maxMonths: "3",
  plan: "",
  price: "",
  stripePriceId: "",
  percent: "20",
  months: "3",
  stripeCouponId: "",
  url: "https://",
  label: "Talk to us",
};

export function offerDraft(o: CancelOffer): OfferDraft {
  switch (o.kind) {
    case "none":
      return { ...EMPTY_OFFER };
    case "pause":
      return { ...EMPTY_OFFER, kind: "pause", maxMonths: String(o.maxMonths) };
    case "downgrade":
      return {
        ...EMPTY_OFFER,
        kind: "downgrade",
        plan: o.plan,
        price: (o.priceCents / 100).toFixed(2),
        stripePriceId: o.stripePriceId ?? "",
      };
    case "discount":
      return {
        ...EMPTY_OFFER,
        kind: "discount",
        percent: String(o.percent),
        months: String(o.months),
        stripeCouponId: o.stripeCouponId ?? "",
      };
    case "talk_to_us":
      return { ...EMPTY_OFFER, kind: "talk_to_us", url: o.url, label: o.label };
  }
}

export function reasonDraft(r: CancelReason): ReasonDraft {
  return {
    key: newKey(),
    code: r.code,
    label: r.label,
    ask: r.followUp !== null,
    question: r.followUp?.question ?? "",
    required: r.followUp?.required ?? false,
    offer: offerDraft(r.offer),
  };
}

export const blankReason = (): ReasonDraft => ({
  key: newKey(),
  code: "",
  label: "",
  ask: false,
  question: "",
  required: false,
  offer: { ...EMPTY_OFFER },
});

export function flowDraft(s: CancelFlowSnapshot): FlowDraft {
  const c = s.content;
  return {
    name: s.name,
    segments: [...s.targeting.segments],
    plans: s.targeting.plans.join(", "),
    locales: s.targeting.locales.join(", "),
    productName: c.productName,
    logoUrl: c.logoUrl ?? "",
    accentColor: c.accentColor,
    showLoss: c.showLoss,
    reasons: c.reasons.map(reasonDraft),
    somethingElseOffer: offerDraft(c.somethingElseOffer),
    experiment: c.experiment
      ? {
          reasonCode: c.experiment.reasonCode,
          offerB: offerDraft(c.experiment.offerB),
          shareB: String(Math.round(c.experiment.shareB * 100)),
        }
      : null,
    texts: { ...c.texts },
  };
}

/** Typed text as a number; what is not one stays NaN, so the schema names the field. */
const num = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : Number.NaN);
/** "19", "19.5" or "19.00" in whole units → cents; anything else NaN. */
export const cents = (s: string) => (/^\s*\d+(\.\d{1,2})?\s*$/.test(s) ? Math.round(Number(s) * 100) : Number.NaN);
const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** A whole percent as typed → a fraction; anything else NaN. */
const share = (s: string) => num(s) / 100;

/** The offer as Save sends it: only the fields of its kind. */
export function offerInput(o: OfferDraft): Record<string, unknown> {
  switch (o.kind) {
    case "none":
      return { kind: "none" };
    case "pause":
      return { kind: "pause", maxMonths: num(o.maxMonths) };
    case "downgrade":
      return { kind: "downgrade", plan: o.plan, priceCents: cents(o.price), stripePriceId: o.stripePriceId };
    case "discount":
      return {
        kind: "discount",
        percent: num(o.percent),
        months: num(o.months),
        stripeCouponId: o.stripeCouponId,
      };
    case "talk_to_us":
      return { kind: "talk_to_us", url: o.url, label: o.label };
  }
}

/** What Save sends (before the flow's id and version), exactly as the schema reads it. */
export function draftInput(d: FlowDraft) {
  return {
    name: d.name,
    targeting: { segments: d.segments, plans: list(d.plans), locales: list(d.locales) },
    content: {
      productName: d.productName,
      logoUrl: d.logoUrl.trim() === "" ? null : d.logoUrl,
      accentColor: d.accentColor,
      showLoss: d.showLoss,
      reasons: d.reasons.map((r) => ({
        code: r.code,
        label: r.label,
        followUp: r.ask ? { question: r.question, required: r.required } : null,
        offer: offerInput(r.offer),
      })),
      somethingElseOffer: offerInput(d.somethingElseOffer),
      experiment: d.experiment
        ? {
            reasonCode: d.experiment.reasonCode,
            offerB: offerInput(d.experiment.offerB),
            shareB: share(d.experiment.shareB),
          }
        : null,
      texts: d.texts,
    },
  };
}

/** Field path ("content.reasons.2.label") → the first message about it. */
export type FieldErrors = Record<string, string>;

/** The schema's path of an issue, as the form keys its fields (a plan's own index dropped). */
export function fieldKey(path: readonly PropertyKey[]): string {
  const key = path.map(String).join(".");
  const list = /^targeting\.(segments|plans|locales)/.exec(key);
  return list ? `targeting.${list[1]}` : key;
}

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1) + (/[.!?]$/.test(m) ? "" : ".");

/** Every problem of the draft, keyed by its field; `content` is the checked flow when there is none. */
export function checkDraft(d: FlowDraft): { errors: FieldErrors; content: CancelFlowContent | null } {
  const parsed = saveCancelFlowSchema.safeParse(draftInput(d));
  if (parsed.success) return { errors: {}, content: parsed.data.content };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= sentence(issue.message);
  }
  return { errors, content: null };
}

/** The content the preview draws while the draft is not valid: what can be read of it, as typed. */
export function previewContent(d: FlowDraft): CancelFlowContent {
  const offer = (o: OfferDraft): CancelOffer => {
    const n = (s: string, fallback: number) => (Number.isFinite(num(s)) ? num(s) : fallback);
    switch (o.kind) {
      case "none":
        return { kind: "none" };
      case "pause":
        return { kind: "pause", maxMonths: Math.min(3, Math.max(1, n(o.maxMonths, 1))) };
      case "downgrade":
        return { kind: "downgrade", plan: o.plan, priceCents: Number.isFinite(cents(o.price)) ? cents(o.price) : 0 };
      case "discount":
        return { kind: "discount", percent: n(o.percent, 0), months: n(o.months, 1) };
      case "talk_to_us":
        return { kind: "talk_to_us", url: o.url, label: o.label };
    }
  };
  return {
    productName: d.productName,
    logoUrl: d.logoUrl.trim() === "" ? null : d.logoUrl,
    accentColor: /^#[0-9a-fA-F]{6}$/.test(d.accentColor) ? d.accentColor : "#4f46e5",
    showLoss: d.showLoss,
    reasons: d.reasons.map((r) => ({
      code: r.code || r.key,
      // The customer's page never has an unlabelled choice; the preview of a half-typed one says so.
      label: r.label.trim() || "(no label yet)",
      followUp: r.ask ? { question: r.question, required: r.required } : null,
      offer: offer(r.offer),
    })),
    somethingElseOffer: offer(d.somethingElseOffer),
    experiment: d.experiment
      ? {
          reasonCode: d.experiment.reasonCode,
          offerB: offer(d.experiment.offerB),
          shareB: Number.isFinite(share(d.experiment.shareB)) ? share(d.experiment.shareB) : 0.5,
        }
      : null,
    texts: namedTexts(d.texts),
  };
}

/** An emptied text shows its name in brackets, so no heading, choice or button is left unnamed. */
function namedTexts(texts: CancelFlowTexts): CancelFlowTexts {
  const named = { ...texts };
  for (const { key, label } of TEXT_FIELDS) named[key] = texts[key].trim() || `[${label}]`;
  return named;
}
