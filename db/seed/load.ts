// Writes a generated data set into an empty database in one transaction, in multi-row batches.
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { refreshDerived } from "@/db/queries/rollups";
import {
  accounts,
  activityFeatureMonths,
  activityUserMonths,
  cancellationResponses,
  reasonCodeDefaults,
  signals,
  subscriptionEvents,
  users,
} from "@/db/schema";
import type { Dataset } from "./types";

const BATCH = 2000;

async function insertAll(db: Db, table: PgTable, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(table).values(rows.slice(i, i + BATCH) as never[]);
  }
}

export async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id.
  return hash(password);
}

export async function loadDataset(db: Db, data: Dataset): Promise<void> {
  const staff = await Promise.all(
    data.users.map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashPassword(password) })),
  );
  await db.transaction(async (tx) => {
    const defaults = await tx.select().from(reasonCodeDefaults);
    const categoryOf = new Map(defaults.map((d) => [d.reasonCode, d.categoryId]));
    const uncategorized = "cat_uncategorized";
    await insertAll(tx, users, staff);
    await insertAll(tx, accounts, data.accounts);
    // Sorted by time so arrival order (seq) matches the order the events apply in.
    const events = [...data.events].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.accountId.localeCompare(b.accountId),
    );
    await insertAll(tx, subscriptionEvents, events);
    await insertAll(tx, signals, data.signals);
    await insertAll(
      tx,
      cancellationResponses,
      data.responses.map((r) => ({ ...r, categoryId: categoryOf.get(r.reasonCode) ?? uncategorized })),
    );
    await insertAll(tx, activityUserMonths, data.userMonths);
    await insertAll(tx, activityFeatureMonths, data.featureMonths);
    await refreshDerived(tx);
  });
}

/** True when the database holds no accounts and no users yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select ((select count(*) from accounts) + (select count(*) from users))::int as n`,
  );
  return (row?.n ?? 0) === 0;
}
