// Rate limits kept in the database, so every server process shares them: a fixed window of
// requests per API key, and failed sign-ins per address and per IP with a growing wait.
import { type SQL, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export interface Verdict {
  allowed: boolean;
  /** Seconds until a refused caller may try again (0 when allowed). */
  retryAfter: number;
}

const counter = { key: rateLimits.key, windowStart: rateLimits.windowStart, count: rateLimits.count };

/** Counts one request against `key`; more than `limit` in a window of `seconds` are refused. */
export async function hitWindow(
  db: Db,
  key: string,
  limit: number,
  seconds: number,
  now = new Date(),
): Promise<Verdict> {
  const ended: SQL = sql`${rateLimits.windowStart} <= ${now}::timestamptz - make_interval(secs => ${seconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStart: sql`case when ${ended} then ${now}::timestamptz else ${rateLimits.windowStart} end`,
        count: sql`case when ${ended} then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning(counter);
  const count = row?.count ?? 1;
  if (count <= limit) return { allowed: true, retryAfter: 0 };
  const ends = (row?.windowStart ?? now).getTime() + seconds * 1000;
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

// Sign-in: the first failures are free; after them each further failure doubles the wait
// (30 s, 1 min, 2 min … up to 15 min). Counters forget after 15 minutes without a failure.
const FREE = { email: 5, ip: 20 };
const FIRST_WAIT_S = 30;
const MAX_WAIT_S = 900;

const signInKeys = (ip: string, email: string) => ({
  email: `signin:email:${email.trim().toLowerCase()}`,
  ip: `signin:ip:${ip}`,
});

type CounterRow = { key: string; windowStart: Date; count: number };

/** Seconds until the counters in `rows` allow another attempt (0: allowed now). */
function waitOf(rows: CounterRow[], keys: { email: string; ip: string }, now: Date): number {
  let wait = 0;
  for (const r of rows) {
    const free = r.key === keys.email ? FREE.email : FREE.ip;
    if (r.count < free) continue;
    const backoff = Math.min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (r.count - free));
    const until = r.windowStart.getTime() + backoff * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return Math.max(0, wait);
}

/** Seconds an address (from an IP) must wait before its next sign-in attempt; reads, counts nothing. */
export async function signInWait(db: Db, ip: string, email: string, now = new Date()): Promise<number> {
  const keys = signInKeys(ip, email);
  const rows = await db
    .select(counter)
    .from(rateLimits)
    .where(inArray(rateLimits.key, [keys.email, keys.ip]));
  return waitOf(rows, keys, now);
}

/**
 * Counts a sign-in attempt against its address and its IP before the password is checked, so
 * attempts sent at once cannot all be checked. Both counter rows are locked (in key order, so two
 * attempts never wait on each other in a circle); the attempt is counted only when neither has to
 * wait, and a refused attempt changes nothing. Returns the wait in seconds: 0 means counted, go on.
 */
export async function claimSignInAttempt(db: Db, ip: string, email: string, now = new Date()): Promise<number> {
  const keys = signInKeys(ip, email);
  // "signin:email:…" sorts before "signin:ip:…" in every collation: the rows are made in key order.
  const both = [keys.email, keys.ip];
  return db.transaction(async (tx) => {
    await tx
      .insert(rateLimits)
      .values(both.map((key) => ({ key, windowStart: now, count: 0 })))
      .onConflictDoNothing({ target: rateLimits.key });
    const rows = await tx
      .select(counter)
      .from(rateLimits)
      .where(inArray(rateLimits.key, both))
      .orderBy(rateLimits.key)
      .for("update");
    const wait = waitOf(rows, keys, now);
    if (wait > 0) return wait;
    await tx
      .update(rateLimits)
      .set({
        count: sql`case when ${rateLimits.windowStart} <= ${now}::timestamptz - interval '15 minutes' then 1 else ${rateLimits.count} + 1 end`,
        windowStart: now,
      })
      .where(inArray(rateLimits.key, both));
    return 0;
  });
}

/**
 * A claimed attempt had the right password: the address starts afresh, and the IP gets its count
 * back (successes never use up an office's allowance).
 */
export async function signInSucceeded(db: Db, ip: string, email: string): Promise<void> {
  const keys = signInKeys(ip, email);
  await db.delete(rateLimits).where(eq(rateLimits.key, keys.email));
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, keys.ip));
}

// Invalid API keys: each address may send a few a minute (a mistyped key is retried, a guessed one
// is not), and its refusals are counted per clock hour in one row here, because the audit log
// refuses UPDATE: the log gets one entry per address per hour, not one per request.
export const REFUSED_KEYS = { limit: 10, seconds: 60 };

export interface RefusedKeyCount {
  verdict: Verdict;
  /** Refusals from the address in this clock hour, this one included. */
  count: number;
  /** The hour before's counter, read when this is the hour's first refusal. */
  previous: { since: Date; count: number } | null;
}

const HOUR_MS = 3_600_000;

/** Counts one refused API key from `ip`: against its per-minute limit and its counter of the hour. */
export async function countRefusedKey(db: Db, ip: string, now = new Date()): Promise<RefusedKeyCount> {
  const verdict = await hitWindow(db, `apikey-refused:${ip}`, REFUSED_KEYS.limit, REFUSED_KEYS.seconds, now);
  const key = `apikey-refused-hour:${ip}`;
  const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  // The counter as it was before this statement (a CTE sees the table before the upsert's change).
  const old = db
    .$with("old")
    .as(
      db
        .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
        .from(rateLimits)
        .where(eq(rateLimits.key, key)),
    );
  const [row] = await db
    .with(old)
    .insert(rateLimits)
    .values({ key, windowStart: hour, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStart: hour,
        count: sql`case when ${rateLimits.windowStart} < ${hour}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning({
      count: rateLimits.count,
      prevStart: sql`(select ${old.windowStart} from ${old})`.mapWith(rateLimits.windowStart),
      prevCount: sql`(select ${old.count} from ${old})`.mapWith(rateLimits.count),
    });
  const count = row?.count ?? 1;
  const previous =
    count === 1 && row?.prevStart != null && row.prevCount != null
      ? { since: row.prevStart, count: row.prevCount }
      : null;
  return { verdict, count, previous };
}
