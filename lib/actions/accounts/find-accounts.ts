"use server";
// The command palette's account search: the first matches by name, externalId or domain.
import { getDb } from "@/db/client";
import { listAccounts } from "@/db/queries/accounts";
import { action } from "@/lib/actions/safe-action";
import { findAccountsSchema } from "@/lib/validation/accounts";

const run = action("cs", findAccountsSchema, async ({ q }) => {
  const { rows } = await listAccounts(await getDb(), { q, page: 1 });
  return rows.slice(0, 8).map((r) => ({ externalId: r.externalId, name: r.name, status: r.status }));
});

export async function findAccountsAction(input: unknown) {
  return run(input);
}
