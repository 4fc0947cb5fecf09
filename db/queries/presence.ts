// Whether any data of each kind has arrived: an empty installation shows how to send it instead
// of empty charts.
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { accounts, cancellationResponses, subscriptionEvents } from "@/db/schema";
import type { DataPresence } from "@/lib/types/metrics";

async function any(db: Db, table: PgTable): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(table)
    .limit(1);
  return rows.length > 0;
}

export async function dataPresence(db: Db): Promise<DataPresence> {
  const [hasAccounts, subscriptions, cancellations] = await Promise.all([
    any(db, accounts),
    any(db, subscriptionEvents),
    any(db, cancellationResponses),
  ]);
  return { accounts: hasAccounts, subscriptions, cancellations };
}
