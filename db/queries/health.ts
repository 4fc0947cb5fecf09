// Health scores: gathers each account's inputs in a few set-based statements, scores them with
// lib/metrics/health, stores score and reasons, then lets the queue take in what fell below.
import { type SQL, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { healthSettings } from "@/db/schema";
import { DEFAULT_HEALTH_SETTINGS, type HealthInputs, type HealthSettings, computeHealth } from "@/lib/metrics/health";
import { type Actor, recordAudit } from "./audit";
import { syncQueue } from "./triage-entry";

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export async function getHealthSettings(db: Db): Promise<HealthSettings> {
  const [row] = await db.select().from(healthSettings).where(eq(healthSettings.id, 1));
  return row
    ? { weights: row.weights, keyFeatures: row.keyFeatures, threshold: row.threshold }
    : DEFAULT_HEALTH_SETTINGS;
}

export async function saveHealthSettings(db: Db, settings: HealthSettings, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getHealthSettings(tx);
    const values = { ...settings, updatedAt: new Date(), updatedBy: actor.type === "user" ? actor.id : null };
    await tx
      .insert(healthSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: healthSettings.id, set: values });
    await recordAudit(tx, actor, {
      action: "health.settings",
      entityType: "health_settings",
      entityId: "1",
      before,
      after: settings,
    });
  });
}

/**
 * The bits of a month's day bitmask (bit i = day i + 1) that fall in the days lo..hi
 * (inclusive); 0 when the month is outside them.
 */
function dayMask(month: SQL, lo: string, hi: string): SQL {
  return sql`(case when ${hi}::date < ${month} or ${lo}::date >= (${month} + interval '1 month')::date then 0::bigint
    else (1::bigint << (least(30, ${hi}::date - ${month}) + 1)) - (1::bigint << greatest(0, ${lo}::date - ${month})) end)`;
}

/**
 * Scored: customers, and trials until 30 days after their end (a trial that ended long ago
 * without converting is a lost lead, not an account to nurse).
 */
function scoredAccounts(asOf: Date): SQL {
  return sql`(status in ('active', 'paused') or (status = 'trial' and (trial_ends_at is null or trial_ends_at >= ${new Date(asOf.getTime() - 30 * DAY)})))`;
}

interface InputRow {
  account_id: string;
  seats_paid: number | null;
  ever_active: boolean;
  users_last: number | null;
  users_previous: number | null;
  features_used: number | null;
  recovered_at: Date | string | null;
  failed: (Date | string)[] | null;
  nps_score: number | null;
  nps_at: Date | string | null;
  submitted_at: Date | string | null;
  offer_shown: string | null;
  offer_accepted: boolean | null;
  outcome: string | null;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
/** PGlite returns timestamptz[] as a Postgres array literal string; node-postgres as Dates. */
function dateArray(v: (Date | string)[] | string | null): Date[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v.map(asDate);
  return v
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean)
    .map((s) => new Date(s.replace(/^"|"$/g, "")));
}

/** Scored accounts: trials and customers. `accountIds` narrows to those (a refresh after writes). */
export async function healthInputs(
  db: Db,
  asOf: Date,
  keyFeatures: string[],
  accountIds?: string[],
): Promise<Map<string, HealthInputs>> {
  // Day windows by UTC date: the last 28 days end with the day asOf falls in.
  const end = asOf.getTime() - 1;
  const lastHi = isoDay(end);
  const lastLo = isoDay(end - 27 * DAY);
  const prevHi = isoDay(end - 28 * DAY);
  const prevLo = isoDay(end - 55 * DAY);
  const fromMonth = `${prevLo.slice(0, 7)}-01`;
  const lastFromMonth = `${lastLo.slice(0, 7)}-01`;
  const scope = sql`select id, seats_paid from accounts where ${scoredAccounts(asOf)}${accountIds ? sql` and id = any(${sql.param(accountIds)}::text[])` : sql``}`;
  const rows = await queryRows<InputRow>(
    db,
    sql`
    with scope as (${scope}),
    user_windows as (
      select u.account_id, u.user_ref,
        bool_or((u.active_days::bigint & ${dayMask(sql`u.month`, lastLo, lastHi)}) <> 0) as in_last,
        bool_or((u.active_days::bigint & ${dayMask(sql`u.month`, prevLo, prevHi)}) <> 0) as in_previous
      from activity_user_months u join scope s on s.id = u.account_id
      where u.month >= ${fromMonth}::date and u.month <= ${lastHi}::date
      group by u.account_id, u.user_ref
    ),
    users as (
      select account_id, count(*) filter (where in_last) as users_last, count(*) filter (where in_previous) as users_previous
      from user_windows group by account_id
    ),
    features as (
      select f.account_id, count(distinct f.feature) as features_used
      from activity_feature_months f join scope s on s.id = f.account_id
      where f.feature = any(${sql.param(keyFeatures)}::text[]) and f.month >= ${lastFromMonth}::date and f.month <= ${lastHi}::date
        and (f.active_days::bigint & ${dayMask(sql`f.month`, lastLo, lastHi)}) <> 0
      group by f.account_id
    ),
    sig as (
      select g.account_id,
        max(g.occurred_at) filter (where g.kind = 'payment_recovered') as recovered_at,
        array_agg(g.occurred_at) filter (where g.kind = 'payment_failed' and g.occurred_at >= ${new Date(asOf.getTime() - 30 * DAY)}) as failed,
        (array_agg(g.score order by g.occurred_at desc, g.seq desc) filter (where g.kind = 'nps' and g.score is not null))[1] as nps_score,
        max(g.occurred_at) filter (where g.kind = 'nps' and g.score is not null) as nps_at
      from signals g join scope s on s.id = g.account_id
      where g.occurred_at >= ${new Date(asOf.getTime() - 180 * DAY)} and g.occurred_at < ${asOf}
      group by g.account_id
    ),
    answers as (
      select distinct on (c.account_id) c.account_id, c.submitted_at, c.offer_shown::text as offer_shown, c.offer_accepted, c.outcome::text as outcome
      from cancellation_responses c join scope s on s.id = c.account_id
      where c.submitted_at >= ${new Date(asOf.getTime() - 90 * DAY)} and c.submitted_at < ${asOf}
      order by c.account_id, c.submitted_at desc, c.seq desc
    )
    select s.id as account_id, s.seats_paid,
      exists (
        select 1 from activity_user_months u
        where u.account_id = s.id and u.month <= ${lastHi}::date
          and (u.active_days::bigint & ${dayMask(sql`u.month`, "1970-01-01", lastHi)}) <> 0
      ) as ever_active,
      users.users_last::int, users.users_previous::int, features.features_used::int,
      sig.recovered_at, sig.failed, sig.nps_score, sig.nps_at,
      answers.submitted_at, answers.offer_shown, answers.offer_accepted, answers.outcome
    from scope s
      left join users on users.account_id = s.id
      left join features on features.account_id = s.id
      left join sig on sig.account_id = s.id
      left join answers on answers.account_id = s.id
  `,
  );
  const out = new Map<string, HealthInputs>();
  for (const r of rows) {
    const recovered = r.recovered_at === null ? -Infinity : asDate(r.recovered_at).getTime();
    out.set(r.account_id, {
      everActive: r.ever_active,
      seatsPaid: r.seats_paid,
      activeUsersLast: r.users_last ?? 0,
      activeUsersPrevious: r.users_previous ?? 0,
      keyFeaturesUsed: r.features_used ?? 0,
      unrecoveredFailedPayments: dateArray(r.failed).filter((d) => d.getTime() > recovered).length,
      latestResponse:
        r.submitted_at === null
          ? null
          : {
              submittedAt: asDate(r.submitted_at),
              offerShown: r.offer_shown ?? "none",
              offerAccepted: r.offer_accepted ?? false,
              outcome: r.outcome ?? "",
            },
      latestNps: r.nps_score === null || r.nps_at === null ? null : { score: r.nps_score, at: asDate(r.nps_at) },
    });
  }
  return out;
}

export interface RecomputeResult {
  scored: number;
  belowThreshold: number;
  queued: number;
  closed: number;
}

/**
 * Scores the accounts (all, or those named) as of `asOf`, beside the same score 7 days earlier
 * for the trend, then brings the queue up to date. One transaction.
 */
export async function recomputeHealth(db: Db, asOf: Date, accountIds?: string[]): Promise<RecomputeResult> {
  return db.transaction(async (tx) => {
    const settings = await getHealthSettings(tx);
    const now = await healthInputs(tx, asOf, settings.keyFeatures, accountIds);
    const weekAgo = await healthInputs(tx, new Date(asOf.getTime() - 7 * DAY), settings.keyFeatures, [...now.keys()]);
    const ids: string[] = [];
    const scores: number[] = [];
    const previous: (number | null)[] = [];
    const components: string[] = [];
    const reasons: string[] = [];
    let below = 0;
    for (const [id, inputs] of now) {
      const result = computeHealth(inputs, settings, asOf);
      const earlier = weekAgo.get(id);
      ids.push(id);
      scores.push(result.score);
      previous.push(earlier ? computeHealth(earlier, settings, new Date(asOf.getTime() - 7 * DAY)).score : null);
      components.push(JSON.stringify(result.components));
      reasons.push(JSON.stringify(result.reasons));
      if (result.score < settings.threshold) below++;
    }
    // Accounts that left the scored set (canceled) lose their score.
    if (accountIds)
      await tx.execute(
        sql`delete from health_scores where account_id = any(${sql.param(accountIds)}::text[]) and not (account_id = any(${sql.param(ids)}::text[]))`,
      );
    else
      await tx.execute(
        sql`delete from health_scores h where not exists (select 1 from accounts a where a.id = h.account_id and ${scoredAccounts(asOf)})`,
      );
    if (ids.length > 0) {
      await tx.execute(sql`
        insert into health_scores (account_id, score, score_week_ago, components, reasons, below_since, computed_at)
        select id, score, week_ago, components, reasons, case when score < ${settings.threshold} then ${asOf}::timestamptz end, ${asOf}
        from unnest(${sql.param(ids)}::text[], ${sql.param(scores.map(String))}::text[]::real[],
          ${sql.param(previous.map((p) => (p === null ? null : String(p))))}::text[]::real[],
          ${sql.param(components)}::text[]::jsonb[], ${sql.param(reasons)}::text[]::jsonb[]) as x(id, score, week_ago, components, reasons)
        order by id
        on conflict (account_id) do update set
          score = excluded.score, score_week_ago = excluded.score_week_ago, components = excluded.components,
          reasons = excluded.reasons, computed_at = excluded.computed_at,
          below_since = case
            when excluded.score >= ${settings.threshold} then null
            else coalesce(health_scores.below_since, excluded.below_since) end
      `);
    }
    const queue = await syncQueue(tx, asOf, settings.threshold);
    return { scored: ids.length, belowThreshold: below, ...queue };
  });
}

/** Features seen in the last 90 days of activity, most widely used first (the settings page offers them). */
export async function knownFeatures(db: Db): Promise<{ feature: string; accounts: number }[]> {
  return queryRows<{ feature: string; accounts: number }>(
    db,
    sql`select feature, count(distinct account_id)::int as accounts from activity_feature_months
        where month >= (date_trunc('month', now()) - interval '3 months')::date
        group by feature order by accounts desc, feature limit 100`,
  );
}

/** How the scored accounts spread around the threshold, for the settings page. */
export async function healthSummary(
  db: Db,
  threshold: number,
): Promise<{ scored: number; below: number; computedAt: Date | null }> {
  const [row] = await queryRows<{ scored: number; below: number; computed_at: Date | string | null }>(
    db,
    sql`select count(*)::int as scored, count(*) filter (where score < ${threshold})::int as below, max(computed_at) as computed_at from health_scores`,
  );
  return {
    scored: row?.scored ?? 0,
    below: row?.below ?? 0,
    computedAt: row?.computed_at ? asDate(row.computed_at) : null,
  };
}
