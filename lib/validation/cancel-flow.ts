// The schemas of a cancel flow as the editor saves it and the seed writes it: every field named in
// its error, so the editor can say which reason or text is wrong.
import { z } from "zod";
import type { CancelFlowContent, CancelFlowTargeting, CancelOffer, CancelReason } from "@/lib/types/cancel-flow";
import { SEGMENTS, SOMETHING_ELSE_REASON } from "@/lib/values";
import { pageNumber } from "./page";
import { safeText } from "./text";

const required = (max: number, what: string) =>
  safeText(max, { message: `${what} is required` })
    .trim()
    .min(1, `${what} is required`);

const httpsUrl = (what: string) =>
  safeText(2000, { message: `${what} is required` })
    .trim()
    .url(`${what} must be a URL`)
    .refine((u) => u.startsWith("https://"), `${what} must start with https://`);

const int = (what: string, min: number, max: number) =>
  z
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);

const stripeId = (what: string, prefix: string) =>
  safeText(200)
    .trim()
    .refine((s) => s === "" || /^[A-Za-z0-9_]+$/.test(s), `${what} must look like ${prefix}…`)
    .optional()
    .transform((s) => (s ? s : undefined));

export const cancelOfferSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("pause"), maxMonths: int("pause months", 1, 3) }),
    z.object({
      kind: z.literal("downgrade"),
      plan: required(100, "the plan to downgrade to"),
      priceCents: int("the downgrade price", 0, 100_000_000),
      stripePriceId: stripeId("the Stripe price", "price_"),
    }),
    z.object({
      kind: z.literal("discount"),
      percent: int("the discount percent", 1, 100),
      months: int("the discount months", 1, 36),
      stripeCouponId: stripeId("the Stripe coupon", "a coupon id "),
    }),
    z.object({
      kind: z.literal("talk_to_us"),
      url: httpsUrl("the talk-to-us link"),
      label: required(100, "the talk-to-us button text"),
    }),
  ],
  { message: "the offer must be none, pause, downgrade, discount or talk_to_us" },
) satisfies z.ZodType<CancelOffer, unknown>;

export const cancelReasonSchema = z.object({
  code: required(64, "the reason code").regex(
    /^[a-z0-9_]+$/,
    "the reason code must be lowercase letters, digits and _",
  ),
  label: required(120, "the reason's label"),
  followUp: z
    .object({ question: required(200, "the follow-up question"), required: z.boolean() })
    .nullable()
    .default(null),
  offer: cancelOfferSchema,
}) satisfies z.ZodType<CancelReason, unknown>;

const textField = (what: string, max = 500) => required(max, what);

export const cancelFlowContentSchema = z
  .object({
    productName: required(80, "the product name"),
    logoUrl: httpsUrl("the logo URL").nullable().default(null),
    accentColor: safeText(7).regex(/^#[0-9a-fA-F]{6}$/, "the accent colour must be #rrggbb"),
    showLoss: z.boolean(),
    reasons: z
      .array(cancelReasonSchema)
      .min(3, "a flow needs at least 3 reasons")
      .max(8, "a flow has at most 8 reasons")
      .refine((r) => new Set(r.map((x) => x.code)).size === r.length, "each reason needs its own reason code")
      .refine(
        (r) => r.every((x) => x.code !== "other" && x.code !== "no_answer"),
        "the reason codes other and no_answer are kept for “something else” and no answer",
      ),
    somethingElseOffer: cancelOfferSchema,
    experiment: z
      .object({
        reasonCode: required(64, "the experiment's reason"),
        offerB: cancelOfferSchema,
        shareB: z
          .number({ message: "the experiment's split must be a number" })
          .min(0.05, "the experiment's split must give each variant at least 5 %")
          .max(0.95, "the experiment's split must give each variant at least 5 %"),
      })
      .nullable()
      .default(null),
    texts: z.object({
      lossHeading: textField("the loss heading", 200),
      reasonHeading: textField("the reason heading", 200),
      reasonIntro: textField("the invitation to candour"),
      somethingElseLabel: textField("the “something else” label", 100),
      offerHeading: textField("the offer heading", 200),
      confirmHeading: textField("the confirm heading", 200),
      confirmBody: textField("the confirm text"),
      cancelButton: textField("the cancel button", 60),
      goodbyeHeading: textField("the goodbye heading", 200),
      goodbyeData: textField("what happens to their data", 1000),
      goodbyeReturn: textField("how to come back", 1000),
      savedHeading: textField("the saved heading", 200),
      savedBody: textField("the saved text", 1000),
    }),
  })
  .refine(
    (c) =>
      !c.experiment ||
      c.experiment.reasonCode === SOMETHING_ELSE_REASON ||
      c.reasons.some((r) => r.code === c.experiment?.reasonCode),
    { message: "the experiment must run on one of the flow's reasons", path: ["experiment", "reasonCode"] },
  )
  .refine(
    (c) => {
      const e = c.experiment;
      if (!e) return true;
      const slot =
        e.reasonCode === SOMETHING_ELSE_REASON
          ? c.somethingElseOffer
          : c.reasons.find((r) => r.code === e.reasonCode)?.offer;
      return !slot || offerSeenAs(slot) !== offerSeenAs(e.offerB);
    },
    {
      message: "variant B's offer is the reason's own offer: change it, so the experiment compares two",
      path: ["experiment", "offerB"],
    },
  ) satisfies z.ZodType<CancelFlowContent, unknown>;

/** An offer as the customer meets it: its kind and terms, not the Stripe ids behind them. */
function offerSeenAs(o: CancelOffer): string {
  switch (o.kind) {
    case "none":
      return "none";
    case "pause":
      return `pause:${o.maxMonths}`;
    case "downgrade":
      return `downgrade:${o.plan}:${o.priceCents}`;
    case "discount":
      return `discount:${o.percent}:${o.months}`;
    case "talk_to_us":
      return `talk_to_us:${o.url}:${o.label}`;
  }
}

const localeTag = safeText(35).regex(
  /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
  "each locale must be a tag like de or en-GB",
);

export const cancelFlowTargetingSchema = z.object({
  segments: z.array(z.enum(SEGMENTS, { message: `segments must be among ${SEGMENTS.join(", ")}` })).default([]),
  plans: z.array(safeText(100).trim().min(1, "a plan must not be empty")).max(50).default([]),
  locales: z.array(localeTag).max(50).default([]),
}) satisfies z.ZodType<CancelFlowTargeting, unknown>;

/** What "Save" sends: a new version of a flow (or a new flow, without `flowId`). */
export const saveCancelFlowSchema = z.object({
  flowId: safeText(100).optional(),
  name: required(100, "the flow's name"),
  targeting: cancelFlowTargetingSchema,
  content: cancelFlowContentSchema,
});
export type SaveCancelFlowInput = z.infer<typeof saveCancelFlowSchema>;

const flowIdField = safeText(100, { message: "the flow is required" }).trim().min(1, "the flow is required");
const versionField = (what: string) => int(what, 1, 1_000_000);

/**
 * The editor's Save: the flow and the version it was edited from (`baseVersion`), so a save over a
 * newer version someone else made is refused rather than undoing theirs.
 */
export const saveCancelFlowEditSchema = saveCancelFlowSchema.extend({
  baseVersion: versionField("the version edited").optional(),
});
export type SaveCancelFlowEditInput = z.infer<typeof saveCancelFlowEditSchema>;

export const cancelFlowIdSchema = z.object({ flowId: flowIdField });

export const moveCancelFlowSchema = z.object({
  flowId: flowIdField,
  direction: z.enum(["up", "down"], { message: "direction must be up or down" }),
});

export const restoreCancelFlowSchema = z.object({
  flowId: flowIdField,
  version: versionField("the version to restore"),
  baseVersion: versionField("the version edited").optional(),
});

/** "Preview as account…": the account (its externalId) and the flow to walk. */
export const previewCancelFlowSchema = z.object({
  flowId: flowIdField,
  accountExternalId: safeText(200, { message: "choose an account" }).trim().min(1, "choose an account"),
});

/** The page's URL: `flow` (an id, or `new`) opens the editor, `version` one old version read-only. */
export const cancelFlowPageSchema = z.object({
  flow: safeText(100).trim().min(1).optional().catch(undefined),
  version: pageNumber().optional().catch(undefined),
});
export type CancelFlowPageParams = z.infer<typeof cancelFlowPageSchema>;
