// The account reads' shapes: the list's search, filters and page, and the rows it returns.
import type { AccountStatus, Segment } from "@/lib/values";

/** The account list's query (lib/validation/accounts.ts checks its zod schema against it). */
export interface AccountListQuery {
  q?: string;
  segment?: Segment;
  status?: AccountStatus;
  page: number;
}

/** One account as the list shows it (listAccounts returns exactly these rows). */
export interface AccountListRow {
  id: string;
  externalId: string;
  name: string;
  domain: string | null;
  plan: string | null;
  segment: Segment | null;
  status: AccountStatus;
  mrrCents: number;
  ownerName: string | null;
}

/** A page of the account list, with the count of every account that matches. */
export interface AccountListPage {
  rows: AccountListRow[];
  total: number;
  page: number;
  pages: number;
}
