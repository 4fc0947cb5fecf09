// Query parameters of GET /api/v1/metrics/reasons/verbatims (docs/api.md): the metrics filters plus
// a category, words to find and a page.
import { z } from "zod";
import { metricsQuerySchema } from "./metrics";
import { safeText } from "./text";

export const VERBATIMS_MAX_PAGE = 10_000;

export const verbatimsQuerySchema = metricsQuerySchema.safeExtend({
  category: safeText(100).min(1, "must not be empty").optional(),
  q: safeText(200).optional(),
  page: z
    .string()
    .regex(/^\d{1,5}$/, `must be a whole number from 1 to ${VERBATIMS_MAX_PAGE}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= VERBATIMS_MAX_PAGE, `must be a whole number from 1 to ${VERBATIMS_MAX_PAGE}`)
    .optional(),
});

/** The answer: documents the API (OpenAPI); tests check real answers against it. */
export const verbatimsResponseSchema = z.object({
  asOf: z.string().describe("The instant the list is read at (ISO 8601)."),
  page: z.number().int().min(1).describe("The page shown; a page past the last shows the last."),
  pageSize: z.number().int(),
  total: z.number().int().describe("Answers matching the filters, over every page."),
  answers: z.array(
    z.object({
      ref: z.string().describe("accountId:seq, unique per answer"),
      submittedAt: z.string(),
      accountExternalId: z.string(),
      accountName: z.string(),
      category: z.string().describe("The category's stable slug"),
      categoryName: z.string(),
      reasonCode: z.string().describe("The option the customer picked, as sent"),
      freeText: z.string().nullable(),
      competitor: z.string().nullable(),
      offerShown: z.string(),
      offerAccepted: z.boolean(),
      outcome: z.string(),
    }),
  ),
});
