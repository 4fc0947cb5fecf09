// Auth.js's own routes. A credentials sign-in posted here directly is refused with 429 and
// Retry-After while its address or IP must wait after failed attempts (the form says the same):
// before Auth.js runs, and when its count (taken atomically in authorize) refused the attempt.
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { signInWait } from "@/db/queries/rate-limits";
import { handlers } from "@/lib/auth/config";
import { clientIp } from "@/lib/http/client-ip";
import { problem } from "@/lib/http/problem";

export const { GET } = handlers;

const tooMany = (wait: number) =>
  problem(429, "Too Many Requests", `Too many failed sign-ins; try again in ${wait} s.`, {
    headers: { "retry-after": String(wait) },
  });

export async function POST(request: NextRequest): Promise<Response> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) {
    return handlers.POST(request);
  }
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = typeof form?.get("email") === "string" ? String(form?.get("email")) : "";
  const ip = clientIp(request.headers);
  const wait = await signInWait(await getDb(), ip, email);
  if (wait > 0) return tooMany(wait);
  const response = await handlers.POST(request);
  const location = response.headers.get("location");
  if (location && new URL(location, request.url).searchParams.get("code") === "rate_limited") {
    return tooMany(Math.max(1, await signInWait(await getDb(), ip, email)));
  }
  return response;
}
