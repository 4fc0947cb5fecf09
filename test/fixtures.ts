// Small builders for hand-written test fixtures, written straight into a test database.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { refreshAccountState } from "@/db/queries/account-state";
import { accounts, subscriptionEvents } from "@/db/schema";
import type { SubscriptionEventType } from "@/lib/metrics/state";

export interface FixtureAccount {
  id: string;
  externalId?: string;
  name?: string;
  segment?: "smb" | "mid" | "enterprise";
  plan?: string;
  events: [occurredAt: string, type: SubscriptionEventType, mrrAfterCents?: number][];
}

export async function insertAccounts(db: Db, list: FixtureAccount[]): Promise<void> {
  await db.insert(accounts).values(
    list.map((a) => ({ id: a.id, externalId: a.externalId ?? a.id, name: a.name ?? a.id, segment: a.segment, plan: a.plan })),
  );
  const events = list.flatMap((a) =>
    a.events.map(([occurredAt, type, mrr]) => ({ accountId: a.id, occurredAt: new Date(occurredAt), type, mrrAfterCents: mrr ?? 0 })),
  );
  if (events.length > 0) await db.insert(subscriptionEvents).values(events);
  await refreshAccountState(db, list.map((a) => a.id));
}

/** Reads a JSON file of the shared seed-puzzle fixture (../shared/fixtures/seed-puzzle). */
export function seedPuzzle<T>(file: string): T {
  const dir = path.resolve(import.meta.dirname, "../../shared/fixtures/seed-puzzle");
  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as T;
}
