// Writes a validated batch, one resource at a time; the caller holds the transaction. Derived
// state — cached status and MRR, metric rollups, activity rollups — is current on return.
import { createId } from "@paralleldrive/cuid2";
import { sql } from "drizzle-orm";
import { bulkInsert } from "@/db/bulk";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import type {
  AccountItem,
  ActivityItem,
  CancellationItem,
  SignalItem,
  SubscriptionEventItem,
} from "@/lib/validation/ingest";
import { refreshDerived } from "../rollups";
import type { Validated } from "./validate";

export interface WriteResult {
  accepted: number;
  skipped: number;
}

/** The account fields an import may set; each becomes a "was it sent" flag and a value in the update. */
type AccountField = "name" | "domain" | "plan" | "segment" | "seatsPaid" | "ownerEmail" | "trialEndsAt";

/** Upsert by externalId: fields left out keep their stored value; repeats in a batch merge in order. */
export async function writeAccounts(db: Db, batch: Validated<"accounts">): Promise<WriteResult> {
  const merged = new Map<string, AccountItem>();
  for (const item of batch.items)
    merged.set(item.externalId, { ...merged.get(item.externalId), ...stripUndefined(item) } as AccountItem);
  const rows = [...merged.values()];
  const before = await queryRows<{ external_id: string; segment: string | null; plan: string | null }>(
    db,
    sql`select external_id, segment::text as segment, plan from accounts where external_id in (${sql.join(
      rows.map((r) => sql`${r.externalId}`),
      sql`, `,
    )})`,
  );
  const known = new Map(before.map((b) => [b.external_id, b]));
  await bulkInsert(
    db,
    "accounts",
    [
      { name: "id", type: "text", value: () => createId() },
      { name: "external_id", type: "text", value: (r: AccountItem) => r.externalId },
      { name: "name", type: "text", value: (r) => r.name },
    ],
    rows.filter((r) => !known.has(r.externalId)),
  );
  // Then every field each item did send, on new and existing rows alike.
  const present = (r: AccountItem, f: AccountField) => f in r;
  const col = <T>(f: AccountField, value: (r: AccountItem) => T) => ({
    set: sql.param(rows.map((r) => present(r, f))),
    value: sql.param(rows.map((r) => (present(r, f) ? (value(r) ?? null) : null))),
  });
  const c = {
    name: col("name", (r) => r.name),
    domain: col("domain", (r) => r.domain),
    plan: col("plan", (r) => r.plan),
    segment: col("segment", (r) => r.segment),
    seats: col("seatsPaid", (r) => (r.seatsPaid === null || r.seatsPaid === undefined ? null : String(r.seatsPaid))),
    owner: col("ownerEmail", (r) => (r.ownerEmail ? (batch.owners.get(r.ownerEmail) ?? null) : null)),
    trial: col("trialEndsAt", (r) => r.trialEndsAt?.toISOString() ?? null),
  };
  await db.execute(sql`
    update accounts a set
      name = case when v.name_set then v.name else a.name end,
      domain = case when v.domain_set then v.domain else a.domain end,
      plan = case when v.plan_set then v.plan else a.plan end,
      segment = case when v.segment_set then v.segment::segment else a.segment end,
      seats_paid = case when v.seats_set then v.seats::int else a.seats_paid end,
      owner_id = case when v.owner_set then v.owner else a.owner_id end,
      trial_ends_at = case when v.trial_set then v.trial::timestamptz else a.trial_ends_at end,
      updated_at = now()
    from unnest(
      ${sql.param(rows.map((r) => r.externalId))}::text[],
      ${c.name.set}::boolean[], ${c.name.value}::text[], ${c.domain.set}::boolean[], ${c.domain.value}::text[],
      ${c.plan.set}::boolean[], ${c.plan.value}::text[], ${c.segment.set}::boolean[], ${c.segment.value}::text[],
      ${c.seats.set}::boolean[], ${c.seats.value}::text[], ${c.owner.set}::boolean[], ${c.owner.value}::text[],
      ${c.trial.set}::boolean[], ${c.trial.value}::text[]
    ) as v(external_id, name_set, name, domain_set, domain, plan_set, plan, segment_set, segment, seats_set, seats, owner_set, owner, trial_set, trial)
    where a.external_id = v.external_id
  `);
  // Segment and plan key the metric rollups: accounts whose values changed are re-filed.
  const moved = rows.filter((r) => {
    const b = known.get(r.externalId);
    return b && (("segment" in r && (r.segment ?? null) !== b.segment) || ("plan" in r && (r.plan ?? null) !== b.plan));
  });
  if (moved.length > 0) {
    const ids = await queryRows<{ id: string }>(
      db,
      sql`select id from accounts where external_id in (${sql.join(
        moved.map((r) => sql`${r.externalId}`),
        sql`, `,
      )})`,
    );
    await refreshDerived(
      db,
      ids.map((r) => r.id),
    );
  }
  return { accepted: batch.items.length, skipped: 0 };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Items whose externalId is already stored for the account, or repeats one earlier in the batch. */
async function alreadyStored(
  db: Db,
  table: "subscription_events" | "cancellation_responses",
  keys: { accountId: string; externalId: string }[],
) {
  if (keys.length === 0) return new Set<string>();
  const rows = await queryRows<{ k: string }>(
    db,
    sql`select account_id || '|' || external_id as k from ${sql.raw(table)}
        where (account_id, external_id) in (${sql.join(
          keys.map((k) => sql`(${k.accountId}, ${k.externalId})`),
          sql`, `,
        )})`,
  );
  return new Set(rows.map((r) => r.k));
}

function dedupe<T extends { externalId?: string }>(items: T[], accountOf: (i: T) => string, stored: Set<string>) {
  const seen = new Set<string>();
  return items.filter((i) => {
    if (!i.externalId) return true;
    const k = `${accountOf(i)}|${i.externalId}`;
    if (stored.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export async function writeSubscriptionEvents(db: Db, batch: Validated<"subscription-events">): Promise<WriteResult> {
  const accountOf = (i: SubscriptionEventItem) => batch.accounts.get(i.accountExternalId) ?? "";
  const keyed = batch.items
    .filter((i) => i.externalId)
    .map((i) => ({ accountId: accountOf(i), externalId: i.externalId ?? "" }));
  const fresh = dedupe(batch.items, accountOf, await alreadyStored(db, "subscription_events", keyed));
  // In batch order: events of one account at one instant apply in the order received.
  await bulkInsert(
    db,
    "subscription_events",
    [
      { name: "account_id", type: "text", value: (e: SubscriptionEventItem) => accountOf(e) },
      { name: "external_id", type: "text", value: (e) => e.externalId ?? null },
      { name: "occurred_at", type: "timestamptz", value: (e) => e.occurredAt },
      { name: "type", type: "subscription_event_type", value: (e) => e.type },
      {
        name: "mrr_after_cents",
        type: "int",
        value: (e) => (e.type === "canceled" || e.type === "trial_started" ? 0 : (e.mrrAfterCents ?? 0)),
      },
    ],
    fresh,
  );
  await refreshDerived(db, [...new Set(fresh.map(accountOf))]);
  return { accepted: batch.items.length, skipped: batch.items.length - fresh.length };
}

export async function writeCancellations(db: Db, batch: Validated<"cancellations">): Promise<WriteResult> {
  const accountOf = (i: CancellationItem) => batch.accounts.get(i.accountExternalId) ?? "";
  const keyed = batch.items
    .filter((i) => i.externalId)
    .map((i) => ({ accountId: accountOf(i), externalId: i.externalId ?? "" }));
  const fresh = dedupe(batch.items, accountOf, await alreadyStored(db, "cancellation_responses", keyed));
  const defaults = await queryRows<{ reason_code: string; category_id: string }>(
    db,
    sql`select reason_code, category_id from reason_code_defaults`,
  );
  const categoryOf = new Map(defaults.map((d) => [d.reason_code, d.category_id]));
  await bulkInsert(
    db,
    "cancellation_responses",
    [
      { name: "account_id", type: "text", value: (r: CancellationItem) => accountOf(r) },
      { name: "external_id", type: "text", value: (r) => r.externalId ?? null },
      { name: "submitted_at", type: "timestamptz", value: (r) => r.submittedAt },
      { name: "reason_code", type: "text", value: (r) => r.reasonCode },
      { name: "free_text", type: "text", value: (r) => r.freeText ?? null },
      { name: "competitor", type: "text", value: (r) => r.competitor ?? null },
      { name: "offer_shown", type: "save_offer", value: (r) => r.offerShown ?? "none" },
      { name: "offer_accepted", type: "boolean", value: (r) => r.offerAccepted ?? false },
      { name: "outcome", type: "cancellation_outcome", value: (r) => r.outcome },
      { name: "category_id", type: "text", value: (r) => categoryOf.get(r.reasonCode) ?? "cat_uncategorized" },
    ],
    fresh,
  );
  return { accepted: batch.items.length, skipped: batch.items.length - fresh.length };
}

export async function writeSignals(db: Db, batch: Validated<"signals">): Promise<WriteResult> {
  await bulkInsert(
    db,
    "signals",
    [
      { name: "account_id", type: "text", value: (s: SignalItem) => batch.accounts.get(s.accountExternalId) ?? "" },
      { name: "kind", type: "signal_kind", value: (s) => s.kind },
      { name: "occurred_at", type: "timestamptz", value: (s) => s.occurredAt },
      { name: "score", type: "int", value: (s) => s.score ?? null },
      { name: "comment", type: "text", value: (s) => s.comment ?? null },
    ],
    batch.items,
  );
  return { accepted: batch.items.length, skipped: 0 };
}

interface Rollup {
  accountId: string;
  month: string;
  key: string;
  activeDays: number;
  events: number;
}

/** Folds events into the day-bitmask rollups: bits are OR-ed and counts added on conflict. */
export async function writeActivity(db: Db, batch: Validated<"activity">): Promise<WriteResult> {
  const users = new Map<string, Rollup>();
  const features = new Map<string, Rollup>();
  const add = (map: Map<string, Rollup>, accountId: string, month: string, key: string, bit: number) => {
    const k = `${accountId}\u0000${month}\u0000${key}`;
    const row = map.get(k) ?? { accountId, month, key, activeDays: 0, events: 0 };
    row.activeDays |= bit;
    row.events += 1;
    map.set(k, row);
  };
  for (const e of batch.items as ActivityItem[]) {
    const accountId = batch.accounts.get(e.accountExternalId) ?? "";
    const iso = e.occurredAt.toISOString();
    const month = `${iso.slice(0, 7)}-01`;
    const bit = 1 << (e.occurredAt.getUTCDate() - 1);
    add(users, accountId, month, e.userRef, bit);
    add(features, accountId, month, e.feature, bit);
  }
  // Sorted, so concurrent batches lock the rows they share in the same order (no deadlock); both
  // rollups in one statement, one round trip.
  const order = (x: Rollup, y: Rollup) =>
    x.accountId < y.accountId
      ? -1
      : x.accountId > y.accountId
        ? 1
        : x.month < y.month
          ? -1
          : x.month > y.month
            ? 1
            : x.key < y.key
              ? -1
              : x.key > y.key
                ? 1
                : 0;
  const u = [...users.values()].sort(order);
  const f = [...features.values()].sort(order);
  if (u.length === 0) return { accepted: 0, skipped: 0 };
  const arrays = (rows: Rollup[]) => sql`
    ${sql.param(rows.map((r) => r.accountId))}::text[], ${sql.param(rows.map((r) => r.month))}::text[]::date[],
    ${sql.param(rows.map((r) => r.key))}::text[], ${sql.param(rows.map((r) => String(r.activeDays)))}::text[]::int[],
    ${sql.param(rows.map((r) => String(r.events)))}::text[]::int[]`;
  await db.execute(sql`
    with users_up as (
      insert into activity_user_months (account_id, month, user_ref, active_days, events)
      select a, m, k, d, e from unnest(${arrays(u)}) with ordinality as x(a, m, k, d, e, n) order by n
      on conflict (account_id, month, user_ref) do update set
        active_days = activity_user_months.active_days | excluded.active_days,
        events = activity_user_months.events + excluded.events
      returning 1
    )
    insert into activity_feature_months (account_id, month, feature, active_days, events)
    select a, m, k, d, e from unnest(${arrays(f)}) with ordinality as x(a, m, k, d, e, n) order by n
    on conflict (account_id, month, feature) do update set
      active_days = activity_feature_months.active_days | excluded.active_days,
      events = activity_feature_months.events + excluded.events
  `);
  return { accepted: batch.items.length, skipped: 0 };
}
