"use server";
// The command palette's account search: the first matches by name, externalId or domain.
import { z } from "zod";
import { getDb } from "@/db/client";
import { listAccounts } from "@/db/queries/accounts";
import { action } from "@/lib/actions/safe-action";
import { text } from "@/lib/validation/text";

const run = action("cs", z.object({ q: text().trim().min(1).max(200) }).strict(), async ({ q }) => {
  const { rows } = await listAccounts(await getDb(), { q, page: 1 });
  return rows.slice(0, 8).map((r) => ({ externalId: r.externalId, name: r.name, status: r.status }));
});

export async function findAccountsAction(input: unknown) {
  return run(input);
}
