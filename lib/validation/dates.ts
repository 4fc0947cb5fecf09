// Instants, calendar dates and months from outside, checked before SQL sees them: real days and
// months only (no 2026-02-31, no month 13) and the years 1970–2100, which every engine stores.
import { z } from "zod";
import { YEARS, isCalendarDate, isCalendarMonth, isInstantInRange } from "@/lib/input-checks";

export const INSTANT_MESSAGE = "must be an ISO 8601 timestamp with a zone, e.g. 2024-03-01T12:00:00Z";
export const RANGE_MESSAGE = `must fall in the years ${YEARS}`;

/** ISO 8601 with a zone, a real day, 1970–2100 (UTC); digits past the millisecond are dropped. */
export const instant = (message = INSTANT_MESSAGE) =>
  z.iso
    .datetime({ offset: true, message, abort: true })
    .refine((s) => isInstantInRange(new Date(s)), RANGE_MESSAGE)
    .transform((s) => new Date(s));

/** `YYYY-MM-DD`, a day that exists, 1970–2100; kept as the string. */
export const calendarDate = (message = `must be a real date written YYYY-MM-DD in the years ${YEARS}`) =>
  z.string().refine(isCalendarDate, message);

/** `YYYY-MM`, months 01–12, 1970–2100. */
export const calendarMonth = (message = `must be a month written YYYY-MM in the years ${YEARS}, e.g. 2024-03`) =>
  z.string().refine(isCalendarMonth, message);
