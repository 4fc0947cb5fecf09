// Writes a generated data set into an empty database in one transaction, in bulk.
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { bulkInsert } from "@/db/bulk";
import type { Db } from "@/db/client";
import { refreshDerived } from "@/db/queries/rollups";
import { queryRows } from "@/db/rows";
import { healthSettings, users } from "@/db/schema";
import { recomputeHealth } from "@/db/queries/health";
import type { Dataset } from "./types";

async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id.
  return hash(password);
}

export async function loadDataset(db: Db, data: Dataset): Promise<void> {
  const staff = await Promise.all(
    data.users.map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashPassword(password) })),
  );
  await db.transaction(async (tx) => {
    const defaults = await queryRows<{ reason_code: string; category_id: string }>(
      tx,
      sql`select reason_code, category_id from reason_code_defaults`,
    );
    const categoryOf = new Map(defaults.map((d) => [d.reason_code, d.category_id]));
    if (staff.length > 0) await tx.insert(users).values(staff);
    await bulkInsert(
      tx,
      "accounts",
      [
        { name: "id", type: "text", value: (a) => a.id },
        { name: "external_id", type: "text", value: (a) => a.externalId },
        { name: "name", type: "text", value: (a) => a.name },
        { name: "domain", type: "text", value: (a) => a.domain },
        { name: "plan", type: "text", value: (a) => a.plan },
        { name: "segment", type: "segment", value: (a) => a.segment },
        { name: "seats_paid", type: "int", value: (a) => a.seatsPaid },
        { name: "owner_id", type: "text", value: (a) => a.ownerId },
        { name: "trial_ends_at", type: "timestamptz", value: (a) => a.trialEndsAt },
        { name: "created_at", type: "timestamptz", value: (a) => a.createdAt },
        { name: "updated_at", type: "timestamptz", value: (a) => a.updatedAt },
      ],
      data.accounts,
    );
    // Sorted by time so arrival order (seq) matches the order the events apply in.
    const events = [...data.events].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.accountId.localeCompare(b.accountId),
    );
    await bulkInsert(
      tx,
      "subscription_events",
      [
        { name: "account_id", type: "text", value: (e) => e.accountId },
        { name: "external_id", type: "text", value: (e) => e.externalId },
        { name: "occurred_at", type: "timestamptz", value: (e) => e.occurredAt },
        { name: "type", type: "subscription_event_type", value: (e) => e.type },
        { name: "mrr_after_cents", type: "int", value: (e) => e.mrrAfterCents },
        { name: "received_at", type: "timestamptz", value: (e) => e.receivedAt },
      ],
      events,
    );
    await bulkInsert(
      tx,
      "signals",
      [
        { name: "account_id", type: "text", value: (s) => s.accountId },
        { name: "kind", type: "signal_kind", value: (s) => s.kind },
        { name: "occurred_at", type: "timestamptz", value: (s) => s.occurredAt },
        { name: "score", type: "int", value: (s) => s.score },
        { name: "comment", type: "text", value: (s) => s.comment },
        { name: "received_at", type: "timestamptz", value: (s) => s.receivedAt },
      ],
      data.signals,
    );
    await bulkInsert(
      tx,
      "cancellation_responses",
      [
        { name: "account_id", type: "text", value: (r) => r.accountId },
        { name: "external_id", type: "text", value: (r) => r.externalId },
        { name: "submitted_at", type: "timestamptz", value: (r) => r.submittedAt },
        { name: "reason_code", type: "text", value: (r) => r.reasonCode },
        { name: "free_text", type: "text", value: (r) => r.freeText },
        { name: "competitor", type: "text", value: (r) => r.competitor },
        { name: "offer_shown", type: "save_offer", value: (r) => r.offerShown },
        { name: "offer_accepted", type: "boolean", value: (r) => r.offerAccepted },
        { name: "outcome", type: "cancellation_outcome", value: (r) => r.outcome },
        { name: "category_id", type: "text", value: (r) => categoryOf.get(r.reasonCode) ?? "cat_uncategorized" },
        { name: "received_at", type: "timestamptz", value: (r) => r.receivedAt },
      ],
      data.responses,
    );
    const rollup = (key: "user_ref" | "feature") => [
      { name: "account_id", type: "text", value: (r: { accountId: string }) => r.accountId },
      { name: "month", type: "date", value: (r: { month: string }) => r.month },
      { name: key, type: "text", value: (r: { userRef?: string; feature?: string }) => r.userRef ?? r.feature },
      { name: "active_days", type: "int", value: (r: { activeDays: number }) => r.activeDays },
      { name: "events", type: "int", value: (r: { events: number }) => r.events },
    ];
    await bulkInsert(tx, "activity_user_months", rollup("user_ref"), data.userMonths);
    await bulkInsert(tx, "activity_feature_months", rollup("feature"), data.featureMonths);
    await refreshDerived(tx);
    await tx
      .insert(healthSettings)
      .values({ id: 1, ...data.health })
      .onConflictDoNothing();
  });
  await recomputeHealth(db, data.anchor);
}

/** True when the database holds no accounts and no users yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select ((select count(*) from accounts) + (select count(*) from users))::int as n`,
  );
  return (row?.n ?? 0) === 0;
}
