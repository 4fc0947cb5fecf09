// Which figure's accounts to list: a churn-month figure, a cohort cell or a reason bar.
import { z } from "zod";
import { YEARS } from "@/lib/input-checks";
import { MONTH_FIGURES } from "@/lib/values";
import { calendarMonth } from "./dates";
import { metricsQuerySchema } from "./metrics";
import { safeText } from "./text";

const month = calendarMonth(`must be a month written YYYY-MM in the years ${YEARS}`);

export const drillSchema = z.intersection(
  metricsQuerySchema,
  z.discriminatedUnion(
    "figure",
    [
      z.object({ figure: z.enum(MONTH_FIGURES), month }),
      z.object({ figure: z.literal("cohort"), cohort: month, age: z.coerce.number().int().min(0).max(240) }),
      z.object({ figure: z.literal("reasons"), category: safeText(100).min(1), month: month.optional() }),
    ],
    { error: () => `figure must be one of ${[...MONTH_FIGURES, "cohort", "reasons"].join(", ")}` },
  ),
);
