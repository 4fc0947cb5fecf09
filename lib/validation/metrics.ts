// Query parameters of the read API (docs/api.md), shared by the route handlers and the pages.
import { z } from "zod";
import { MAX_RANGE_MONTHS, YEARS } from "@/lib/input-checks";
import { monthDiff } from "@/lib/metrics/months";
import type { MetricsQuery } from "@/lib/types/metrics";
import { SEGMENTS } from "@/lib/values";
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

// The parsed query is exactly the plain type the queries take: a change to one fails to compile until the other follows.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const parsedIsMetricsQuery: Same<z.output<typeof metricsQuerySchema>, MetricsQuery> = true;
void parsedIsMetricsQuery;
