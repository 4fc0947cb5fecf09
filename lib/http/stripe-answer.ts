// Answers a Stripe webhook delivery: the signature is checked with Stripe's own library before
// anything is read or written; a bad signature gets 400 and changes nothing. The event is mapped
// to Holdfast's items here (lib/stripe/map) and written by db/queries/stripe.
import Stripe from "stripe";
import type { Db } from "@/db/client";
import { applyStripeDelivery } from "@/db/queries/stripe";
import { toDelivery } from "@/lib/stripe/map";
import { json, problem } from "./problem";

export async function answerStripe(request: Request, db: Db, secret: string | undefined): Promise<Response> {
  if (!secret)
    return problem(503, "Stripe is not configured", "Set STRIPE_WEBHOOK_SECRET (whsec_…) to receive Stripe webhooks.");
  const signature = request.headers.get("stripe-signature");
  if (!signature) return problem(400, "Missing signature", "The Stripe-Signature header is missing.");
  const payload = await request.text();
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    return problem(400, "Invalid signature", "The Stripe-Signature header does not match this payload and secret.");
  }
  const delivery = toDelivery(event);
  if (!delivery) return json({ received: true, type: event.type, handled: false });
  const { written } = await applyStripeDelivery(db, delivery);
  return json({ received: true, type: event.type, handled: true, written });
}
