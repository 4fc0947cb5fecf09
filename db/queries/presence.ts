// Whether any data of each kind has arrived: an empty installation shows how to send it instead
// of empty charts.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

export interface DataPresence {
  accounts: boolean;
  subscriptions: boolean;
  cancellations: boolean;
}

export async function dataPresence(db: Db): Promise<DataPresence> {
  const [row] = await queryRows<DataPresence>(
    db,
    sql`select exists (select 1 from accounts) as accounts,
               exists (select 1 from subscription_events) as subscriptions,
               exists (select 1 from cancellation_responses) as cancellations`,
  );
  return {
    accounts: row?.accounts === true,
    subscriptions: row?.subscriptions === true,
    cancellations: row?.cancellations === true,
  };
}
