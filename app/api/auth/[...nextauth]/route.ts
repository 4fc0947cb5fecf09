// Auth.js's own routes. A credentials sign-in posted here directly is refused with 429 and
// Retry-After while its address or IP must wait after failed attempts (the form says the same).
import { getDb } from "@/db/client";
import { signInWait } from "@/db/queries/rate-limits";
import { handlers } from "@/lib/auth/config";
import { clientIp } from "@/lib/http/client-ip";
import { problem } from "@/lib/http/problem";

export const { GET } = handlers;

export async function POST(request: Request): Promise<Response> {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = typeof form?.get("email") === "string" ? String(form?.get("email")) : "";
    const wait = await signInWait(await getDb(), clientIp(request.headers), email);
    if (wait > 0) {
      return problem(429, "Too Many Requests", `Too many failed sign-ins; try again in ${wait} s.`, {
        headers: { "retry-after": String(wait) },
      });
    }
  }
  return handlers.POST(request as Parameters<typeof handlers.POST>[0]);
}
