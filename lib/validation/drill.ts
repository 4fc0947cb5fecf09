// Which figure's accounts to list: a churn-month figure, a cohort cell or a reason bar.
import { z } from "zod";
import { isMonth } from "@/lib/metrics/months";
import { metricsQuerySchema } from "./metrics";

export const MONTH_FIGURES = [
  "customersStart",
  "customersEnd",
  "new",
  "reactivated",
  "churned",
  "newAndLost",
  "expansion",
  "contraction",
] as const;
export type MonthFigure = (typeof MONTH_FIGURES)[number];

const month = z.string().refine(isMonth, "must be a month written YYYY-MM");

export const drillSchema = z.intersection(
  metricsQuerySchema,
  z.discriminatedUnion(
    "figure",
    [
      z.object({ figure: z.enum(MONTH_FIGURES), month }),
      z.object({ figure: z.literal("cohort"), cohort: month, age: z.coerce.number().int().min(0).max(240) }),
      z.object({ figure: z.literal("reasons"), category: z.string().min(1).max(100), month: month.optional() }),
    ],
    { error: () => `figure must be one of ${[...MONTH_FIGURES, "cohort", "reasons"].join(", ")}` },
  ),
);
export type DrillQuery = z.infer<typeof drillSchema>;
