// Shapes of the taxonomy and categorizing forms, shared by the admin pages and the server.
import { z } from "zod";
import { safeText, text } from "./text";
import { pageNumber } from "./page";
import type { CategoryInput, MatchInput } from "@/lib/types/taxonomy";
import type { WorkbenchFilters } from "@/lib/types/workbench";
import { CATEGORY_COLORS } from "@/lib/values";

export const categoryInputSchema = z
  .object({
    name: text().trim().min(1, "Give the category a name.").max(80),
    description: text().trim().max(500).default(""),
    regrettable: z.boolean(),
    color: z.enum(CATEGORY_COLORS),
  })
  .strict() satisfies z.ZodType<CategoryInput>;

export const matchInputSchema = z
  .object({
    pattern: text().trim().min(1, "Give a keyword or a pattern.").max(200),
    matchKind: z.enum(["keyword", "regex"]),
    reasonCode: z
      .string()
      .regex(/^[a-z0-9_]{1,64}$/, "Reason codes are lower-case letters, digits and _.")
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .strict() satisfies z.ZodType<MatchInput>;

const id = text().min(1).max(100);
/** An answer is named by its account's id and its arrival number: `acc_…:123`. */
export const answerRef = text().regex(/^[^:]{1,100}:\d{1,18}$/, "Not an answer reference.");

export const answerHistorySchema = z.object({ ref: answerRef }).strict();
export const updateCategorySchema = z.object({ id, category: categoryInputSchema }).strict();
export const mergeCategoriesSchema = z.object({ sourceId: id, targetId: id }).strict();
export const splitCategorySchema = z
  .object({ sourceId: id, category: categoryInputSchema, match: matchInputSchema })
  .strict();
export const archiveCategorySchema = z.object({ id }).strict();
export const fileAnswersSchema = z.object({ refs: z.array(answerRef).min(1).max(500), categoryId: id }).strict();
export const regrettableSchema = z
  .object({ refs: z.array(answerRef).min(1).max(500), regrettable: z.boolean().nullable() })
  .strict();
export const ruleSchema = z.object({ match: matchInputSchema, categoryId: id }).strict();
export const ruleIdSchema = z.object({ id }).strict();

export const workbenchFiltersSchema = z.object({
  category: safeText(100).default("cat_uncategorized").catch("cat_uncategorized"),
  q: text().trim().max(200).optional().catch(undefined),
  code: safeText(64).optional().catch(undefined),
  page: pageNumber().default(1).catch(1),
}) satisfies z.ZodType<WorkbenchFilters>;
