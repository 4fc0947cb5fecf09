// The demo's cancel flows: the default flow, saved three times by the admin over the six months of
// sessions, and a flow for enterprise accounts that sends most reasons to the account team. Both
// exist before the first session, so every session starts on the version live at its time.
import type { CancelFlowContent, CancelFlowTexts, CancelOffer, CancelReason } from "@/lib/types/cancel-flow";
import type { Segment } from "@/lib/values";
import { DAY, addMonths } from "./time";

export interface DemoFlowVersion {
  id: string;
  flowId: string;
  version: number;
  name: string;
  segments: Segment[];
  content: CancelFlowContent;
  changes: string[];
  createdAt: Date;
}

export interface DemoFlows {
  /** Sessions start on or after this instant (six months before the anchor). */
  from: number;
  flows: { id: string; isDefault: boolean; position: number; createdAt: Date }[];
  versions: DemoFlowVersion[];
  /** The version a session of this segment started at `at` runs on; null before `from`. */
  versionAt(segment: Segment, at: number): DemoFlowVersion | null;
}

const PRODUCT = "Lumen Analytics";
// The words of lib/cancel/defaults.ts (db/ does not import it), as the admin kept them.
const TEXTS: CancelFlowTexts = {
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
const ACCOUNT_TEAM = "https://app.example.com/account-team";
const ask = (question: string) => ({ question, required: false });
const reason = (code: string, label: string, question: string, offer: CancelOffer): CancelReason => ({
  code,
  label,
  followUp: ask(question),
  offer,
});

function defaultV1(): CancelFlowContent {
  return {
    productName: PRODUCT,
    logoUrl: null,
    accentColor: "#4f46e5",
    showLoss: true,
    reasons: [
      reason("too_expensive", "It costs too much", "What would a fair price be?", {
        kind: "discount",
        percent: 20,
        months: 3,
      }),
      reason("unused", "We don't use it enough", "What got in the way?", { kind: "pause", maxMonths: 2 }),
      reason("missing_features", "It is missing something we need", "What was missing?", {
        kind: "talk_to_us",
        url: "https://example.com/book-a-call",
        label: "Tell our product team",
      }),
      reason("switched_service", "We are moving to another product", "Which one, and why?", { kind: "none" }),
      reason("too_complex", "It is too hard to use", "Where did you get stuck?", {
        kind: "talk_to_us",
        url: "https://example.com/walkthrough",
        label: "Get a free walkthrough",
      }),
      reason("low_quality", "It doesn't work well enough", "What went wrong?", { kind: "none" }),
    ],
    somethingElseOffer: { kind: "none" },
    texts: TEXTS,
  };
}

function defaultV2(): CancelFlowContent {
  const v1 = defaultV1();
  const reasons = v1.reasons.map((r): CancelReason => {
    if (r.code === "too_expensive") return { ...r, offer: { kind: "discount", percent: 25, months: 3 } };
    if (r.code === "unused") return { ...r, offer: { kind: "pause", maxMonths: 3 } };
    return r;
  });
  reasons.push(
    reason("customer_service", "Support let us down", "What happened?", {
      kind: "talk_to_us",
      url: "https://example.com/support-lead",
      label: "Talk to our head of support",
    }),
  );
  return { ...v1, reasons };
}

function defaultV3(): CancelFlowContent {
  const v2 = defaultV2();
  return {
    ...v2,
    reasons: v2.reasons.map((r) =>
      r.code === "too_complex" ? { ...r, offer: { kind: "downgrade", plan: "starter", priceCents: 4900 } } : r,
    ),
    // Is a deeper, shorter discount worth more than 25 % for 3 months? Half the sessions see 40 % for 2.
    experiment: { reasonCode: "too_expensive", offerB: { kind: "discount", percent: 40, months: 2 }, shareB: 0.5 },
    texts: {
      ...v2.texts,
      reasonIntro: "Tell us what we got wrong. We read every answer, and an honest one helps us most.",
    },
  };
}

function enterprise(): CancelFlowContent {
  const team = (label: string): CancelOffer => ({ kind: "talk_to_us", url: ACCOUNT_TEAM, label });
  return {
    productName: `${PRODUCT} Enterprise`,
    logoUrl: null,
    accentColor: "#0f766e",
    showLoss: true,
    reasons: [
      reason("too_expensive", "The contract no longer fits our budget", "What budget are you working with?", {
        kind: "discount",
        percent: 10,
        months: 12,
      }),
      reason("unused", "Too few of our people use it", "Which teams stopped using it?", {
        kind: "downgrade",
        plan: "business",
        priceCents: 250_000,
      }),
      reason(
        "missing_features",
        "It is missing something we need",
        "What was missing?",
        team("Review the roadmap with your account team"),
      ),
      reason("customer_service", "Support let us down", "What happened?", team("Escalate to your account director")),
      reason(
        "too_complex",
        "It is too hard to roll out",
        "Where did the rollout stall?",
        team("Plan training with your account team"),
      ),
      reason("low_quality", "It doesn't work well enough", "What went wrong?", team("Talk to your account team")),
      reason("switched_service", "We are moving to another product", "Which one, and why?", { kind: "none" }),
    ],
    somethingElseOffer: team("Talk to your account team"),
    texts: {
      ...TEXTS,
      confirmBody: "Your contract ends at the close of its current term. Your account team will confirm the details.",
    },
  };
}

export function demoFlows(anchor: number): DemoFlows {
  const from = addMonths(anchor, -6);
  const at = (days: number) => new Date(from + days * DAY + 10 * 3_600_000);
  const defaultId = "cf_demo_default";
  const enterpriseId = "cf_demo_enterprise";
  const none: Segment[] = [];
  const base = { flowId: defaultId, name: "Default flow", segments: none };
  const versions: DemoFlowVersion[] = [
    { ...base, id: "cfv_demo_default_1", version: 1, content: defaultV1(), changes: ["Created"], createdAt: at(-20) },
    {
      id: "cfv_demo_enterprise_1",
      flowId: enterpriseId,
      version: 1,
      name: "Enterprise accounts",
      segments: ["enterprise"],
      content: enterprise(),
      changes: ["Created"],
      createdAt: at(-9),
    },
    {
      ...base,
      id: "cfv_demo_default_2",
      version: 2,
      content: defaultV2(),
      changes: [
        "“It costs too much”: discount 20 % for 3 months → 25 % for 3 months",
        "“We don't use it enough”: pause up to 2 months → up to 3 months",
        "Added “Support let us down” (customer_service), offering a talk with the head of support",
      ],
      createdAt: at(52),
    },
    {
      ...base,
      id: "cfv_demo_default_3",
      version: 3,
      content: defaultV3(),
      changes: [
        "“It is too hard to use”: a free walkthrough → downgrade to starter at $49.00 a month",
        "Started an experiment on “It costs too much”: variant B offers discount 40 % for 2 months to 50 % of sessions",
        "Reworded the invitation under the reasons",
      ],
      createdAt: at(118),
    },
  ];
  const first = (flowId: string) => versions.find((v) => v.flowId === flowId)?.createdAt ?? new Date(from);
  return {
    from,
    flows: [
      { id: defaultId, isDefault: true, position: 0, createdAt: first(defaultId) },
      { id: enterpriseId, isDefault: false, position: 1, createdAt: first(enterpriseId) },
    ],
    versions,
    versionAt(segment, t) {
      if (t < from) return null;
      const live = versions.filter((v) => v.createdAt.getTime() <= t);
      const newest = (flowId: string) =>
        live.filter((v) => v.flowId === flowId).sort((a, b) => b.version - a.version)[0] ?? null;
      const targeted = newest(enterpriseId);
      if (targeted && targeted.segments.includes(segment)) return targeted;
      return newest(defaultId);
    },
  };
}
