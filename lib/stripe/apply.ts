// Applies a finished cancel session's billing action to the customer's Stripe subscription (a
// `stripe.apply_outcome` job; SPEC §7): through the official SDK, with an idempotency key made from
// the session, so a retry — the SDK's own after a 5xx, or the queue's after the run failed — can
// never apply it twice. Every update marks the subscription with the session's id, so the webhook
// Stripe sends back is not filed as a second answer (lib/stripe/map.ts).
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { env } from "@/lib/env";
import type { JobHandler } from "@/lib/jobs/types";
import { STRIPE_FEEDBACK_CODES } from "@/lib/values";
import { HOLDFAST_SESSION_KEY } from "./map";

const ACTOR = { type: "system", id: null, label: "Stripe billing" } as const;

const payloadSchema = z.object({
  sessionId: z.string().min(1),
  subscriptionId: z.string().startsWith("sub_"),
  action: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("cancel_at_period_end"),
      feedback: z.enum([...STRIPE_FEEDBACK_CODES, "other"]).nullable(),
      comment: z.string().nullable(),
    }),
    z.object({ kind: z.literal("pause"), months: z.number().int().min(1), resumesAt: z.iso.datetime() }),
    z.object({ kind: z.literal("discount"), couponId: z.string().min(1) }),
    z.object({ kind: z.literal("downgrade"), priceId: z.string().min(1) }),
  ]),
});
export type BillingJobPayload = z.infer<typeof payloadSchema>;

/** The SDK on the configured key; STRIPE_API_BASE (tests only) points it at a local server. */
export function stripeClient(): Stripe {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set: the outcome cannot be applied in Stripe.");
  const base = env().STRIPE_API_BASE;
  const url = base ? new URL(base) : null;
  return new Stripe(key, {
    maxNetworkRetries: 2,
    telemetry: false,
    ...(url
      ? {
          host: url.hostname,
          port: url.port,
          protocol: url.protocol === "http:" ? ("http" as const) : ("https" as const),
        }
      : {}),
  });
}

/** The update for an action, and the key that makes it happen once. */
async function update(stripe: Stripe, p: BillingJobPayload): Promise<Stripe.Subscription> {
  const metadata = { [HOLDFAST_SESSION_KEY]: p.sessionId };
  const key = (what: string) => ({ idempotencyKey: `holdfast-${p.sessionId}-${what}` });
  const a = p.action;
  switch (a.kind) {
    case "cancel_at_period_end":
      return stripe.subscriptions.update(
        p.subscriptionId,
        {
          cancel_at_period_end: true,
          ...(a.feedback || a.comment
            ? {
                cancellation_details: {
                  ...(a.feedback ? { feedback: a.feedback } : {}),
                  ...(a.comment ? { comment: a.comment } : {}),
                },
              }
            : {}),
          metadata,
        },
        key("cancel"),
      );
    case "pause":
      return stripe.subscriptions.update(
        p.subscriptionId,
        {
          pause_collection: { behavior: "void", resumes_at: Math.floor(new Date(a.resumesAt).getTime() / 1000) },
          metadata,
        },
        key("pause"),
      );
    case "discount":
      return stripe.subscriptions.update(
        p.subscriptionId,
        { discounts: [{ coupon: a.couponId }], metadata },
        key("discount"),
      );
    case "downgrade": {
      // The subscription's one item moves to the offer's price (its first, when it has several).
      const subscription = await stripe.subscriptions.retrieve(p.subscriptionId);
      const item = subscription.items.data[0];
      if (!item) throw new Error(`Stripe subscription ${p.subscriptionId} has no item to move to ${a.priceId}.`);
      return stripe.subscriptions.update(
        p.subscriptionId,
        { items: [{ id: item.id, price: a.priceId }], metadata },
        key("downgrade"),
      );
    }
  }
}

export const applyBillingOutcome: JobHandler = {
  async run({ db, job }) {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new Error(`Job ${job.id} has no billing action: ${parsed.error.message}`);
    const p = parsed.data;
    const subscription = await update(stripeClient(), p);
    await recordAudit(db, ACTOR, {
      action: `stripe.${p.action.kind}`,
      entityType: "cancel_session",
      entityId: p.sessionId,
      after: { subscriptionId: subscription.id, action: p.action, status: subscription.status },
    });
  },
};
