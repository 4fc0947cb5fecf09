// What a saved version of a cancel flow changed from the one before, in words an admin reads in the
// history ("Reason “It costs too much”: offer discount 25 % for 3 months → pause up to 3 months").
// Pure: the same two versions always give the same lines, in the order of the editor's fields.
import type {
  CancelFlowSnapshot,
  CancelFlowTargeting,
  CancelFlowTexts,
  CancelOffer,
  CancelReason,
} from "@/lib/types/cancel-flow";
import { SOMETHING_ELSE_REASON } from "@/lib/values";

/** What a version is made of: the name, the targeting and the content. */
export type FlowSnapshot = CancelFlowSnapshot;

/** The texts of the page as the editor labels them, in the editor's order. */
export const TEXT_FIELDS = [
  { key: "lossHeading", label: "Loss heading" },
  { key: "reasonHeading", label: "Reason heading" },
  { key: "reasonIntro", label: "Invitation to candour" },
  { key: "somethingElseLabel", label: "“Something else” label" },
  { key: "offerHeading", label: "Offer heading" },
  { key: "confirmHeading", label: "Confirm heading" },
  { key: "confirmBody", label: "Confirm text" },
  { key: "cancelButton", label: "Cancel button" },
  { key: "goodbyeHeading", label: "Goodbye heading" },
  { key: "goodbyeData", label: "What happens to their data" },
  { key: "goodbyeReturn", label: "How to come back" },
  { key: "savedHeading", label: "Saved heading" },
  { key: "savedBody", label: "Saved text" },
] as const satisfies readonly { key: keyof CancelFlowTexts; label: string }[];
// Every text of the page has its label: a text added to CancelFlowTexts fails here until it has one.
const everyText: [Exclude<keyof CancelFlowTexts, (typeof TEXT_FIELDS)[number]["key"]>] extends [never] ? true : false =
  true;
void everyText;

const QUOTE_MAX = 60;
/** A text in curly quotes, cut to a readable length. */
export const quote = (text: string) =>
  `“${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1).trimEnd()}…` : text}”`;

const monthsWord = (n: number) => `${n} ${n === 1 ? "month" : "months"}`;

/** The price of a downgrade as the history writes it: "$49.00" (the installation's currency). */
export function priceWords(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** An offer in a few words: "discount 25 % for 3 months", "pause up to 3 months", "no offer". */
export function offerWords(offer: CancelOffer, currency: string): string {
  switch (offer.kind) {
    case "none":
      return "no offer";
    case "pause":
      return `pause up to ${monthsWord(offer.maxMonths)}`;
    case "downgrade":
      return `downgrade to ${offer.plan} at ${priceWords(offer.priceCents, currency)} a month`;
    case "discount":
      return `discount ${offer.percent} % for ${monthsWord(offer.months)}`;
    case "talk_to_us":
      return `talk to us (${quote(offer.label)}, ${offer.url})`;
  }
}

/** The Stripe id an offer carries, when it has a place for one. */
function stripeIdOf(offer: CancelOffer): { what: string; id: string | undefined } | null {
  if (offer.kind === "downgrade") return { what: "Stripe price", id: offer.stripePriceId };
  if (offer.kind === "discount") return { what: "Stripe coupon", id: offer.stripeCouponId };
  return null;
}

function offerChanges(before: CancelOffer, after: CancelOffer, currency: string): string[] {
  const was = offerWords(before, currency);
  const now = offerWords(after, currency);
  const lines = was === now ? [] : [`offer ${was} → ${now}`];
  const a = stripeIdOf(before);
  const b = stripeIdOf(after);
  if (a && b && a.what === b.what && a.id !== b.id) lines.push(`${b.what} ${a.id ?? "none"} → ${b.id ?? "none"}`);
  return lines;
}

const followUpWords = (f: CancelReason["followUp"]) =>
  f ? `${quote(f.question)} (${f.required ? "required" : "optional"})` : "none";

function reasonChanges(before: CancelReason, after: CancelReason, currency: string): string[] {
  const lines: string[] = [];
  if (before.label !== after.label) lines.push(`label → ${quote(after.label)}`);
  if (before.code !== after.code) lines.push(`reason code ${before.code} → ${after.code}`);
  const fa = followUpWords(before.followUp);
  const fb = followUpWords(after.followUp);
  if (fa !== fb) lines.push(`follow-up ${fa} → ${fb}`);
  lines.push(...offerChanges(before.offer, after.offer, currency));
  return lines;
}

const listWords = (items: readonly string[]) => (items.length === 0 ? "any" : items.join(", "));

function targetingChanges(before: CancelFlowTargeting, after: CancelFlowTargeting): string[] {
  const lines: string[] = [];
  for (const key of ["segments", "plans", "locales"] as const) {
    const a = listWords(before[key]);
    const b = listWords(after[key]);
    if (a !== b) lines.push(`Targeting: ${key} ${a} → ${b}`);
  }
  return lines;
}

/**
 * Pairs the reasons of two versions: by reason code first, then a reason whose code changed by its
 * unchanged label. Returns the pairs in the new order, and what was removed and added.
 */
function pairReasons(before: CancelReason[], after: CancelReason[]) {
  const left = new Set(before.map((_, i) => i));
  const matchOf = new Map<number, number>();
  after.forEach((r, j) => {
    const i = before.findIndex((b, k) => left.has(k) && b.code === r.code);
    if (i >= 0) {
      matchOf.set(j, i);
      left.delete(i);
    }
  });
  after.forEach((r, j) => {
    if (matchOf.has(j)) return;
    const i = before.findIndex((b, k) => left.has(k) && b.label === r.label);
    if (i >= 0) {
      matchOf.set(j, i);
      left.delete(i);
    }
  });
  return { matchOf, removed: [...left].map((i) => before[i]).filter((r) => r !== undefined) };
}

function reasonsChanges(before: CancelReason[], after: CancelReason[], currency: string): string[] {
  const lines: string[] = [];
  const { matchOf, removed } = pairReasons(before, after);
  for (const r of removed) lines.push(`Removed reason ${quote(r.label)} (${r.code})`);
  after.forEach((r, j) => {
    const i = matchOf.get(j);
    const was = i === undefined ? undefined : before[i];
    if (!was) {
      lines.push(`Added reason ${quote(r.label)} (${r.code}), offering ${offerWords(r.offer, currency)}`);
      return;
    }
    for (const line of reasonChanges(was, r, currency)) lines.push(`Reason ${quote(was.label)}: ${line}`);
  });
  // The order of the reasons both versions have, compared apart from what was added or removed.
  const kept = after.flatMap((_, j) => {
    const i = matchOf.get(j);
    return i === undefined ? [] : [i];
  });
  if (kept.some((i, k) => k > 0 && i < (kept[k - 1] ?? -1)))
    lines.push(`Reordered the reasons: ${after.map((r) => quote(r.label)).join(", ")}`);
  return lines;
}

/** The slot an experiment runs on, as the admin reads it: the reason's label, or “something else”. */
function slotWords(content: FlowSnapshot["content"], reasonCode: string): string {
  const reason = content.reasons.find((r) => r.code === reasonCode);
  return reason ? quote(reason.label) : "“something else”";
}

const percentWords = (share: number) => `${Math.round(share * 1000) / 10} %`;

function experimentChanges(a: FlowSnapshot["content"], b: FlowSnapshot["content"], currency: string): string[] {
  const was = a.experiment ?? null;
  const now = b.experiment ?? null;
  if (!was && !now) return [];
  if (!was && now)
    return [
      `Started an experiment on ${slotWords(b, now.reasonCode)}: variant B offers ${offerWords(now.offerB, currency)} to ${percentWords(now.shareB)} of sessions`,
    ];
  if (was && !now) {
    // The slot's offer after the change says which variant was kept.
    const slot = (c: FlowSnapshot["content"]) =>
      was.reasonCode === SOMETHING_ELSE_REASON
        ? c.somethingElseOffer
        : c.reasons.find((r) => r.code === was.reasonCode)?.offer;
    const after = slot(b);
    const kept =
      after &&
      offerWords(after, currency) === offerWords(was.offerB, currency) &&
      offerWords(after, currency) !== offerWords(slot(a) ?? after, currency)
        ? "B"
        : "A";
    return [`Ended the experiment on ${slotWords(a, was.reasonCode)}, keeping variant ${kept}`];
  }
  if (!was || !now) return [];
  const lines: string[] = [];
  if (was.reasonCode !== now.reasonCode)
    lines.push(`moved from ${slotWords(a, was.reasonCode)} to ${slotWords(b, now.reasonCode)}`);
  const oa = offerWords(was.offerB, currency);
  const ob = offerWords(now.offerB, currency);
  if (oa !== ob) lines.push(`variant B's offer ${oa} → ${ob}`);
  if (was.shareB !== now.shareB)
    lines.push(`variant B's share ${percentWords(was.shareB)} → ${percentWords(now.shareB)}`);
  return lines.map((line) => `Experiment: ${line}`);
}

/** Every change from `before` to `after`, one line each; empty when they are the same. */
export function describeFlowChanges(before: FlowSnapshot, after: FlowSnapshot, currency = "USD"): string[] {
  const lines: string[] = [];
  const a = before.content;
  const b = after.content;
  if (before.name !== after.name) lines.push(`Name ${quote(before.name)} → ${quote(after.name)}`);
  lines.push(...targetingChanges(before.targeting, after.targeting));
  if (a.productName !== b.productName) lines.push(`Product name ${quote(a.productName)} → ${quote(b.productName)}`);
  if (a.logoUrl !== b.logoUrl) lines.push(`Logo URL ${a.logoUrl ?? "none"} → ${b.logoUrl ?? "none"}`);
  if (a.accentColor.toLowerCase() !== b.accentColor.toLowerCase())
    lines.push(`Accent colour ${a.accentColor} → ${b.accentColor}`);
  if (a.showLoss !== b.showLoss)
    lines.push(`“What you would lose” ${a.showLoss ? "shown" : "hidden"} → ${b.showLoss ? "shown" : "hidden"}`);
  lines.push(...reasonsChanges(a.reasons, b.reasons, currency));
  for (const line of offerChanges(a.somethingElseOffer, b.somethingElseOffer, currency))
    lines.push(`“Something else”: ${line}`);
  lines.push(...experimentChanges(a, b, currency));
  for (const { key, label } of TEXT_FIELDS)
    if (a.texts[key] !== b.texts[key]) lines.push(`${label} ${quote(a.texts[key])} → ${quote(b.texts[key])}`);
  return lines;
}
