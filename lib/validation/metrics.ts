// Query parameters of the read API (docs/api.md), shared by the route handlers and the pages.
import { z } from "zod";
import { MAX_RANGE_MONTHS, YEARS } from "@/lib/input-checks";
import { lastCompleteMonth, addMonths, monthDiff, type Month } from "@/lib/metrics/months";
import { SEGMENTS } from "./accounts";
import { calendarMonth, instant } from "./dates";
import { safeText } from "./text";

/** ISO 8601 with a zone, 1970–2100; digits past the millisecond are dropped by Date. */
export const instantSchema = instant("must be an ISO 8601 timestamp with a zone, e.g. 2024-04-15T00:00:00Z");

const monthSchema = calendarMonth(`must be a month written YYYY-MM, e.g. 2024-03, in the years ${YEARS}`);

export const metricsQuerySchema = z
  .object({
    asOf: instantSchema.optional(),
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    segment: z.enum(SEGMENTS, { message: `must be one of ${SEGMENTS.join(", ")}` }).optional(),
    plan: safeText(100).min(1).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
    if (q.from && q.to && monthDiff(q.from, q.to) > MAX_RANGE_MONTHS) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: `the range may span at most ${MAX_RANGE_MONTHS} months`,
      });
    }
  });

export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export interface MetricsScope {
  asOf: Date;
  from: Month;
  to: Month;
  segment?: (typeof SEGMENTS)[number];
  plan?: string;
}

/** The defaults of docs/api.md: asOf now, `to` the last month ended by asOf, `from` 23 months earlier. */
export function resolveScope(query: MetricsQuery, now = new Date()): MetricsScope {
  const asOf = query.asOf ?? now;
  const to = query.to ?? (query.from ? maxMonth(query.from, lastCompleteMonth(asOf)) : lastCompleteMonth(asOf));
  const from = query.from ?? addMonths(to, -23);
  return { asOf, from, to, segment: query.segment, plan: query.plan };
}

function maxMonth(a: Month, b: Month): Month {
  return a > b ? a : b;
}
