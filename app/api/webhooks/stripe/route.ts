// POST /api/webhooks/stripe — Stripe events, verified by signature (no session, no API key).
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { answerStripe } from "@/lib/http/stripe-answer";

export async function POST(request: Request): Promise<Response> {
  return answerStripe(request, await getDb(), env().STRIPE_WEBHOOK_SECRET);
}
