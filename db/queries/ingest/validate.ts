// Checks a batch the schemas passed against the database before anything is written: the accounts
// and owners its items name. Every problem, the schema's included, is reported with the item's
// index and field.
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";
import type { CheckedBatch, IngestItems, IngestResource, ItemError } from "@/lib/types/ingest";

/** The rows the items name: externalId → account id, and lower-case e-mail → user id (owners). */
export interface References {
  accounts: Map<string, string>;
  owners: Map<string, string>;
}

export interface Validated<R extends IngestResource> extends References {
  items: IngestItems[R][];
}

/** Every problem of the batch (the schema's first), by item; and the rows its good items name. */
export async function checkReferences<R extends IngestResource>(
  db: Db,
  batch: CheckedBatch<R>,
): Promise<{ errors: ItemError[]; references: References }> {
  const { items } = batch;
  const errors: ItemError[] = [...batch.refused];
  const accountIds = new Map<string, string>();
  const owners = new Map<string, string>();
  const refs = new Set<string>();
  const emails = new Set<string>();
  for (const it of items) {
    if (!it) continue;
    if ("accountExternalId" in it) refs.add(it.accountExternalId);
    if ("ownerEmail" in it && it.ownerEmail) emails.add(it.ownerEmail);
  }
  if (refs.size > 0) {
    // Lists of 200: with thousands of values the planner scans the whole table instead of the index.
    const list = [...refs];
    for (let i = 0; i < list.length; i += 200) {
      const rows = await db
        .select({ id: accounts.id, externalId: accounts.externalId })
        .from(accounts)
        .where(inArray(accounts.externalId, list.slice(i, i + 200)));
      for (const r of rows) accountIds.set(r.externalId, r.id);
    }
  }
  if (emails.size > 0) {
    const email = sql<string>`lower(${users.email})`;
    const rows = await db
      .select({ id: users.id, email })
      .from(users)
      .where(inArray(email, [...emails]));
    for (const r of rows) owners.set(r.email, r.id);
  }
  items.forEach((it, item) => {
    if (!it) return;
    if ("accountExternalId" in it && !accountIds.has(it.accountExternalId)) {
      errors.push({
        item,
        field: "accountExternalId",
        message: `names no account (${it.accountExternalId}); send it to /api/v1/accounts first`,
      });
    }
    if ("ownerEmail" in it && it.ownerEmail && !owners.has(it.ownerEmail)) {
      errors.push({ item, field: "ownerEmail", message: `names no Holdfast user (${it.ownerEmail})` });
    }
  });
  return { errors: errors.sort((a, b) => a.item - b.item), references: { accounts: accountIds, owners } };
}

/** The batch's items but those the given problems name. */
export function itemsWithout<R extends IngestResource>(
  batch: CheckedBatch<R>,
  errors: readonly ItemError[],
): IngestItems[R][] {
  const bad = new Set(errors.map((e) => e.item));
  return batch.items.filter((it, item): it is IngestItems[R] => it !== undefined && !bad.has(item));
}
