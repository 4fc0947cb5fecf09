// Writes a validated batch of accounts: upsert by externalId, only the fields each item sent.
import { createId } from "@paralleldrive/cuid2";
import { inArray, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { bulkInsert } from "@/db/bulk";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { AccountItem, WriteResult } from "@/lib/types/ingest";
import { bulkColumn, castTo } from "../bulk-columns";
import { refreshDerived } from "../rollups";
import type { Validated } from "./validate";

/** The account fields an import may set; each becomes a "was it sent" flag and a value in the update. */
const ACCOUNT_FIELDS = [
  "domain",
  "plan",
  "segment",
  "seatsPaid",
  "ownerEmail",
  "trialEndsAt",
  "renewsAt",
  "contractMonths",
  "stripeSubscriptionId",
] as const;
type AccountField = "name" | (typeof ACCOUNT_FIELDS)[number];

/** The value sent (column `v.<field>`, cast to the column's type) where it was sent, else the stored one. */
const sentOr = (field: string, column: PgColumn) =>
  sql`case when v.${sql.identifier(`${field}_set`)} then v.${sql.identifier(field)}${castTo(column)} else ${column} end`;

/** The item without its fields set to undefined (a field left out keeps its stored value). */
function sentFields(item: AccountItem): AccountItem {
  const out: AccountItem = { externalId: item.externalId, name: item.name };
  const copy = <K extends (typeof ACCOUNT_FIELDS)[number]>(field: K) => {
    if (item[field] !== undefined) out[field] = item[field];
  };
  ACCOUNT_FIELDS.forEach(copy);
  return out;
}

/** Upsert by externalId: fields left out keep their stored value; repeats in a batch merge in order. */
export async function writeAccounts(db: Db, batch: Validated<"accounts">): Promise<WriteResult> {
  const merged = new Map<string, AccountItem>();
  for (const item of batch.items) merged.set(item.externalId, { ...merged.get(item.externalId), ...sentFields(item) });
  const rows = [...merged.values()];
  const before = await db
    .select({ externalId: accounts.externalId, segment: accounts.segment, plan: accounts.plan })
    .from(accounts)
    .where(
      inArray(
        accounts.externalId,
        rows.map((r) => r.externalId),
      ),
    );
  const known = new Map(before.map((b) => [b.externalId, b]));
  await bulkInsert(
    db,
    accounts,
    [
      bulkColumn(accounts.id, () => createId()),
      bulkColumn(accounts.externalId, (r: AccountItem) => r.externalId),
      bulkColumn(accounts.name, (r: AccountItem) => r.name),
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
    stripe: col("stripeSubscriptionId", (r) => r.stripeSubscriptionId),
    renews: col("renewsAt", (r) => r.renewsAt?.toISOString() ?? null),
    term: col("contractMonths", (r) =>
      r.contractMonths === null || r.contractMonths === undefined ? null : String(r.contractMonths),
    ),
  };
  await db
    .update(accounts)
    .set({
      name: sentOr("name", accounts.name),
      domain: sentOr("domain", accounts.domain),
      plan: sentOr("plan", accounts.plan),
      segment: sentOr("segment", accounts.segment),
      seatsPaid: sentOr("seats", accounts.seatsPaid),
      ownerId: sentOr("owner", accounts.ownerId),
      trialEndsAt: sentOr("trial", accounts.trialEndsAt),
      stripeSubscriptionId: sentOr("stripe", accounts.stripeSubscriptionId),
      renewsAt: sentOr("renews", accounts.renewsAt),
      contractMonths: sentOr("term", accounts.contractMonths),
      updatedAt: sql`now()`,
    })
    .from(
      sql`unnest(
        ${sql.param(rows.map((r) => r.externalId))}::text[],
        ${c.name.set}::boolean[], ${c.name.value}::text[], ${c.domain.set}::boolean[], ${c.domain.value}::text[],
        ${c.plan.set}::boolean[], ${c.plan.value}::text[], ${c.segment.set}::boolean[], ${c.segment.value}::text[],
        ${c.seats.set}::boolean[], ${c.seats.value}::text[], ${c.owner.set}::boolean[], ${c.owner.value}::text[],
        ${c.trial.set}::boolean[], ${c.trial.value}::text[], ${c.stripe.set}::boolean[], ${c.stripe.value}::text[],
        ${c.renews.set}::boolean[], ${c.renews.value}::text[], ${c.term.set}::boolean[], ${c.term.value}::text[]
      ) as v(external_id, name_set, name, domain_set, domain, plan_set, plan, segment_set, segment, seats_set, seats,
        owner_set, owner, trial_set, trial, stripe_set, stripe, renews_set, renews, term_set, term)`,
    )
    .where(sql`${accounts.externalId} = v.external_id`);
  // Segment and plan key the metric rollups: accounts whose values changed are re-filed.
  const moved = rows.filter((r) => {
    const b = known.get(r.externalId);
    return b && (("segment" in r && (r.segment ?? null) !== b.segment) || ("plan" in r && (r.plan ?? null) !== b.plan));
  });
  if (moved.length > 0) {
    const ids = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        inArray(
          accounts.externalId,
          moved.map((r) => r.externalId),
        ),
      );
    await refreshDerived(
      db,
      ids.map((r) => r.id),
    );
  }
  return { accepted: batch.items.length, skipped: 0 };
}
