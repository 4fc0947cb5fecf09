// Query parameters of the read API (SPEC §5).
import { z } from "zod";

/** ISO 8601 with a zone; digits past the millisecond are dropped by Date. */
export const instantSchema = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 timestamp with a zone, e.g. 2024-04-15T00:00:00Z" })
  .transform((s) => new Date(s));

export const overviewQuerySchema = z.object({
  asOf: instantSchema.optional(),
  segment: z.enum(["smb", "mid", "enterprise"], { message: "must be smb, mid or enterprise" }).optional(),
  plan: z.string().min(1).max(100).optional(),
});
