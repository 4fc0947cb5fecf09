// Builders that give each test rows of its own. Ids count up within the test file, so tests that
// share a database never read, or trip over, each other's rows.
import type { Db } from "@/db/client";
import { type ApiKeyIdentity, type ApiScope, authenticateApiKey, createApiKey } from "@/db/queries/api-keys";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { type FixtureAccount, insertAccounts } from "./fixtures";

let counter = 0;

/** `prefix-N`, with N new on every call in this test file. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** An e-mail address no other test in the file uses: `local-N@example.com`. */
export function uniqueEmail(local: string): string {
  return `${uniqueId(local)}@example.com`;
}

/** A key just made, as the handlers see it once authenticated; throws if it does not authenticate. */
export async function authenticated(db: Db, token: string): Promise<ApiKeyIdentity> {
  const key = await authenticateApiKey(db, token);
  if (!key) throw new Error("A new API key did not authenticate.");
  return key;
}

/** An API key with the given scopes, as the handlers see it once authenticated. */
export async function makeApiKey(db: Db, scopes: ApiScope[] = ["ingest", "read"]): Promise<ApiKeyIdentity> {
  const made = await createApiKey(db, { name: uniqueId("test-key"), scopes }, SYSTEM_ACTOR);
  return authenticated(db, made.key);
}

/**
 * Accounts with unique ids (the external id is the id) and, unless given, no events; returns their
 * external ids in order. `prefix` names them in failure messages.
 */
export async function makeAccounts(
  db: Db,
  count: number,
  prefix = "acct",
  fields: Partial<Omit<FixtureAccount, "id" | "externalId">> = {},
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uniqueId(prefix));
  await insertAccounts(
    db,
    ids.map((id) => ({ events: [], ...fields, id })),
  );
  return ids;
}
