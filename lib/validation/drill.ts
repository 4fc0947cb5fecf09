// Which figure's accounts to list: a churn-month figure, a cohort cell, a reason bar, the cancel
// sessions of a status or an experiment variant, or the watchlist.
import { z } from "zod";
import { YEARS } from "@/lib/input-checks";
import { CANCEL_SESSION_STATUSES, MONTH_FIGURES } from "@/lib/values";
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
      z.object({ figure: z.literal("sessions"), status: z.enum(CANCEL_SESSION_STATUSES) }),
      z.object({ figure: z.literal("variant"), flowVersionId: safeText(100).min(1), variant: z.enum(["A", "B"]) }),
      z.object({ figure: z.literal("watchlist") }),
    ],
    {
      error: () =>
        `figure must be one of ${[...MONTH_FIGURES, "cohort", "reasons", "sessions", "variant", "watchlist"].join(", ")}`,
    },
  ),
);
