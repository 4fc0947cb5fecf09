// Query parameters of the account list, parsed the same way by the page and the API.
import { z } from "zod";

import { ACCOUNT_STATUSES, SEGMENTS } from "@/lib/values";

export { ACCOUNT_STATUSES, SEGMENTS };

export const accountListSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  segment: z.enum(SEGMENTS).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
});
export type AccountListQuery = z.infer<typeof accountListSchema>;
