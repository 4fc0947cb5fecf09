// The inputs of the account reads: the list's search, filters and page.
import type { AccountStatus, Segment } from "@/lib/values";

/** The account list's query (lib/validation/accounts.ts checks its zod schema against it). */
export interface AccountListQuery {
  q?: string;
  segment?: Segment;
  status?: AccountStatus;
  page: number;
}
