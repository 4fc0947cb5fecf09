// The answer to an invalid or revoked API key: 401, or 429 once an address sends too many; the
// audit log gets one entry per address per clock hour, with the count of the hour before.
import type { Db } from "@/db/client";
import { recordRefusal } from "@/db/queries/audit";
import { REFUSED_KEYS, countRefusedKey } from "@/db/queries/rate-limits";
import { clientIp } from "./client-ip";
import { problem } from "./problem";

const hourOf = (d: Date) => d.toISOString().slice(11, 16);

export async function answerInvalidKey(request: Request, db: Db, now = new Date()): Promise<Response> {
  const ip = clientIp(request.headers);
  const counted = await countRefusedKey(db, ip, now);
  if (counted.count === 1) {
    const before = counted.previous
      ? ` ${counted.previous.count} refused keys from this address in the hour since ${hourOf(counted.previous.since)} UTC.`
      : "";
    await recordRefusal(
      db,
      { type: "anonymous", id: null, label: "invalid API key" },
      `${request.method} ${new URL(request.url).pathname}`,
      `The API key is not valid or was revoked (from ${ip}; further refusals from this address this hour are counted, not logged).${before}`,
    );
  }
  if (!counted.verdict.allowed)
    return problem(
      429,
      "Too Many Requests",
      `More than ${REFUSED_KEYS.limit} invalid API keys a minute came from this address; try again in ${counted.verdict.retryAfter} s.`,
      { headers: { "retry-after": String(counted.verdict.retryAfter) } },
    );
  return problem(401, "Unauthorized", "The API key is not valid or was revoked.");
}
