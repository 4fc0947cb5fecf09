// Checks a whole batch before anything is written: each item against its schema, then the
// accounts and owners it names. Every problem is reported with the item's index and field.
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { INGEST_RESOURCES, type IngestResource } from "@/lib/validation/ingest";

export interface ItemError {
  item: number;
  field: string;
  message: string;
}

export type Parsed<R extends IngestResource> = z.infer<(typeof INGEST_RESOURCES)[R]>;

export interface Validated<R extends IngestResource> {
  items: Parsed<R>[];
  /** externalId → account id, for the accounts the items name. */
  accounts: Map<string, string>;
  /** lower-case e-mail → user id, for the owners named (accounts only). */
  owners: Map<string, string>;
}

export async function validateBatch<R extends IngestResource>(
  db: Db,
  resource: R,
  raw: readonly unknown[],
): Promise<{ ok: true; value: Validated<R> } | { ok: false; errors: ItemError[] }> {
  const schema = INGEST_RESOURCES[resource];
  const errors: ItemError[] = [];
  const items: Parsed<R>[] = [];
  raw.forEach((value, item) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) items[item] = parsed.data as Parsed<R>;
    else
      for (const issue of parsed.error.issues)
        errors.push({ item, field: issue.path.join(".") || "(item)", message: issue.message });
  });

  const accounts = new Map<string, string>();
  const owners = new Map<string, string>();
  const refs = new Set<string>();
  const emails = new Set<string>();
  for (const it of items) {
    if (!it) continue;
    if ("accountExternalId" in it) refs.add(it.accountExternalId);
    if ("ownerEmail" in it && it.ownerEmail) emails.add(it.ownerEmail);
  }
  if (refs.size > 0) {
    // Arrays of 200: with thousands of values the planner scans the whole table instead of the index.
    const list = [...refs];
    for (let i = 0; i < list.length; i += 200) {
      const rows = await queryRows<{ id: string; external_id: string }>(
        db,
        sql`select id, external_id from accounts where external_id = any(${sql.param(list.slice(i, i + 200))}::text[])`,
      );
      for (const r of rows) accounts.set(r.external_id, r.id);
    }
  }
  if (emails.size > 0) {
    const rows = await queryRows<{ id: string; email: string }>(
      db,
      sql`select id, lower(email) as email from users where lower(email) = any(${sql.param([...emails])}::text[])`,
    );
    for (const r of rows) owners.set(r.email, r.id);
  }
  items.forEach((it, item) => {
    if (!it) return;
    if ("accountExternalId" in it && !accounts.has(it.accountExternalId)) {
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
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.item - b.item) };
  return { ok: true, value: { items, accounts, owners } };
}
