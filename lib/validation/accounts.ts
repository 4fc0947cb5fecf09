// Query parameters of the account list, parsed the same way by the page and the API.
import { z } from "zod";

import type { AccountListQuery } from "@/lib/types/accounts";
import { ACCOUNT_STATUSES, SEGMENTS } from "@/lib/values";
import { safeText, text } from "./text";
import { pageNumber } from "./page";

export const accountListSchema = z.object({
  q: text().trim().max(200).optional().catch(undefined),
  segment: z.enum(SEGMENTS).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  page: pageNumber().default(1).catch(1),
});
// The parsed list query is exactly the plain type the query takes, so the two cannot drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const parsedIsAccountListQuery: Same<z.output<typeof accountListSchema>, AccountListQuery> = true;
void parsedIsAccountListQuery;

/** The command palette's account search. */
export const findAccountsSchema = z.object({ q: text().trim().min(1).max(200) }).strict();

/** An account's externalId in a URL (`/accounts/{externalId}`, the read API): what ingestion can have stored. */
export const externalIdParam = safeText(200).min(1, "must not be empty");
