// Writes a validated batch of contacts: upsert by account and e-mail; a name or leftAt left out keeps
// its stored value (leftAt: null says the contact is back).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { ContactItem, WriteResult } from "@/lib/types/ingest";
import { excluded } from "../bulk-columns";
import type { Validated } from "./validate";

const OPTIONAL = ["name", "leftAt"] as const;

export async function writeContacts(db: Db, batch: Validated<"contacts">): Promise<WriteResult> {
  const accountOf = (c: ContactItem) => batch.accounts.get(c.accountExternalId) ?? "";
  // Repeats of a contact in one batch merge in order, as separate calls would.
  const merged = new Map<string, ContactItem>();
  for (const item of batch.items) {
    const key = `${accountOf(item)} ${item.email}`;
    const sent: ContactItem = { accountExternalId: item.accountExternalId, email: item.email, role: item.role };
    for (const field of OPTIONAL) if (item[field] !== undefined) Object.assign(sent, { [field]: item[field] });
    merged.set(key, { ...merged.get(key), ...sent });
  }
  // One upsert per set of fields sent, each updating only those.
  const groups = new Map<string, ContactItem[]>();
  for (const row of merged.values()) {
    const key = OPTIONAL.filter((f) => f in row).join(",");
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, rows] of groups) {
    const sent = new Set(key.split(","));
    await db
      .insert(contacts)
      .values(
        rows.map((r) => ({
          accountId: accountOf(r),
          email: r.email,
          role: r.role,
          name: r.name ?? null,
          leftAt: r.leftAt ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [contacts.accountId, contacts.email],
        set: {
          role: excluded(contacts.role),
          ...(sent.has("name") ? { name: excluded(contacts.name) } : {}),
          ...(sent.has("leftAt") ? { leftAt: excluded(contacts.leftAt) } : {}),
          updatedAt: sql`now()`,
        },
      });
  }
  return { accepted: batch.items.length, skipped: 0 };
}
