// Rate limits kept in the database, so every server process shares them: a fixed window of
// requests per API key, and failed sign-ins per address and per IP with a growing wait.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

export interface Verdict {
  allowed: boolean;
  /** Seconds until a refused caller may try again (0 when allowed). */
  retryAfter: number;
}

/** Counts one request against `key`; more than `limit` in a window of `seconds` are refused. */
export async function hitWindow(
  db: Db,
  key: string,
  limit: number,
  seconds: number,
  now = new Date(),
): Promise<Verdict> {
  const [row] = await queryRows<{ window_start: Date | string; count: number }>(
    db,
    sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${now}, 1)
    on conflict (key) do update set
      window_start = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${seconds}) then excluded.window_start else rate_limits.window_start end,
      count = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${seconds}) then 1 else rate_limits.count + 1 end
    returning window_start, count
  `,
  );
  const count = row?.count ?? 1;
  if (count <= limit) return { allowed: true, retryAfter: 0 };
  const ends = new Date(row?.window_start ?? now).getTime() + seconds * 1000;
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

type CounterRow = { key: string; window_start: Date | string; count: number };

/** Seconds until the counters in `rows` allow another attempt (0: allowed now). */
function waitOf(rows: CounterRow[], keys: { email: string; ip: string }, now: Date): number {
  let wait = 0;
  for (const r of rows) {
    const free = r.key === keys.email ? FREE.email : FREE.ip;
    if (r.count < free) continue;
    const backoff = Math.min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (r.count - free));
    const until = new Date(r.window_start).getTime() + backoff * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return Math.max(0, wait);
}

/** Seconds an address (from an IP) must wait before its next sign-in attempt; reads, counts nothing. */
export async function signInWait(db: Db, ip: string, email: string, now = new Date()): Promise<number> {
  const keys = signInKeys(ip, email);
  const rows = await queryRows<CounterRow>(
    db,
    sql`select key, window_start, count from rate_limits where key in (${keys.email}, ${keys.ip})`,
  );
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
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into rate_limits (key, window_start, count)
      select k, ${now}::timestamptz, 0 from unnest(array[${keys.email}, ${keys.ip}]::text[]) as k
      order by k
      on conflict (key) do nothing
    `);
    const rows = await queryRows<CounterRow>(
      tx,
      sql`select key, window_start, count from rate_limits where key in (${keys.email}, ${keys.ip}) order by key for update`,
    );
    const wait = waitOf(rows, keys, now);
    if (wait > 0) return wait;
    await tx.execute(sql`
      update rate_limits set
        count = case when window_start <= ${now}::timestamptz - interval '15 minutes' then 1 else count + 1 end,
        window_start = ${now}::timestamptz
      where key in (${keys.email}, ${keys.ip})
    `);
    return 0;
  });
}

/**
 * A claimed attempt had the right password: the address starts afresh, and the IP gets its count
 * back (successes never use up an office's allowance).
 */
export async function signInSucceeded(db: Db, ip: string, email: string): Promise<void> {
  const keys = signInKeys(ip, email);
  await db.execute(sql`delete from rate_limits where key = ${keys.email}`);
  await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${keys.ip}`);
}

export async function recordSignInFailure(db: Db, ip: string, email: string, now = new Date()): Promise<void> {
  const keys = signInKeys(ip, email);
  await db.execute(sql`
    insert into rate_limits (key, window_start, count)
    select k, ${now}::timestamptz, 1 from unnest(array[${keys.email}, ${keys.ip}]::text[]) as k
    order by k
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${now}::timestamptz - interval '15 minutes' then 1 else rate_limits.count + 1 end,
      window_start = excluded.window_start
  `);
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${signInKeys("", email).email}`);
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

/** Counts one refused API key from `ip`: against its per-minute limit and its counter of the hour. */
export async function countRefusedKey(db: Db, ip: string, now = new Date()): Promise<RefusedKeyCount> {
  const verdict = await hitWindow(db, `apikey-refused:${ip}`, REFUSED_KEYS.limit, REFUSED_KEYS.seconds, now);
  const key = `apikey-refused-hour:${ip}`;
  const [row] = await queryRows<{ count: number; prev_start: Date | string | null; prev_count: number | null }>(
    db,
    sql`
    with hour as (select date_trunc('hour', ${now}::timestamptz, 'UTC') as start),
    old as (select window_start, count from rate_limits where key = ${key})
    insert into rate_limits (key, window_start, count) select ${key}, hour.start, 1 from hour
    on conflict (key) do update set
      window_start = excluded.window_start,
      count = case when rate_limits.window_start < excluded.window_start then 1 else rate_limits.count + 1 end
    returning count, (select window_start from old) as prev_start, (select count from old) as prev_count
  `,
  );
  const count = row?.count ?? 1;
  const previous =
    count === 1 && row?.prev_start != null && row.prev_count != null
      ? { since: new Date(row.prev_start), count: row.prev_count }
      : null;
  return { verdict, count, previous };
}
