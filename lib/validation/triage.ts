// The at-risk queue's URL filters and the shapes of every triage change, shared by forms and server.
import { z } from "zod";
import { YEARS } from "@/lib/input-checks";
import { calendarDate } from "./dates";
import { safeText, text } from "./text";
import { pageNumber } from "./page";
import type { ItemChange, OutreachInput, QueueFilters } from "@/lib/types/triage";
import {
  OUTREACH_CHANNELS,
  QUEUE_DEFAULTS,
  QUEUE_STATUS_FILTERS,
  QUEUE_TABS,
  QUEUE_WHO,
  SEGMENTS,
  TRIAGE_STATUSES,
} from "@/lib/values";

export const queueFiltersSchema = z.object({
  tab: z.enum(QUEUE_TABS).default(QUEUE_DEFAULTS.tab).catch(QUEUE_DEFAULTS.tab),
  who: z.enum(QUEUE_WHO).default(QUEUE_DEFAULTS.who).catch(QUEUE_DEFAULTS.who),
  status: z.enum(QUEUE_STATUS_FILTERS).default(QUEUE_DEFAULTS.status).catch(QUEUE_DEFAULTS.status),
  segment: z.enum(SEGMENTS).nullable().default(null).catch(null),
  owner: safeText(100).nullable().default(null).catch(null),
  page: pageNumber().default(QUEUE_DEFAULTS.page).catch(QUEUE_DEFAULTS.page),
  /** Due view: follow-ups due on or before this day (default today, UTC). */
  on: calendarDate().nullable().default(null).catch(null),
});
export type { QueueFilters };

const isoDate = calendarDate(`Use a real date like 2026-12-01, in the years ${YEARS}.`);
/** Versions count up from 1 in an integer column. */
const itemRef = { id: text().min(1).max(100), version: z.number().int().min(1).max(2_147_483_647) };

export const changeItemSchema = z
  .object({
    ...itemRef,
    status: z.enum(TRIAGE_STATUSES).optional(),
    assigneeId: text().min(1).max(100).nullable().optional(),
    snoozeUntil: isoDate.nullable().optional(),
  })
  .strict()
  .refine((c) => c.status !== undefined || c.assigneeId !== undefined || c.snoozeUntil !== undefined, {
    message: "Nothing to change.",
  });

export const logOutreachSchema = z
  .object({
    accountExternalId: text().min(1).max(200),
    item: z.object(itemRef).strict().optional(),
    channel: z.enum(OUTREACH_CHANNELS),
    summary: text().trim().min(1, "Say what happened.").max(4000),
    outcome: text().trim().max(500).nullable().optional(),
    nextFollowUpOn: isoDate.nullable().optional(),
  })
  .strict();

export const addToQueueSchema = z.object({ externalIds: z.array(text().min(1).max(200)).min(1).max(500) }).strict();

export const bulkAssignSchema = z
  .object({ items: z.array(z.object(itemRef).strict()).min(1).max(200), assigneeId: text().min(1).max(100).nullable() })
  .strict();

// What each schema parses to is exactly the plain type the queries take, so the two cannot drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const parsedIsQueueFilters: Same<z.output<typeof queueFiltersSchema>, QueueFilters> = true;
const parsedIsItemChange: Same<z.output<typeof changeItemSchema>, ItemChange> = true;
const parsedIsOutreachInput: Same<z.output<typeof logOutreachSchema>, OutreachInput> = true;
void [parsedIsQueueFilters, parsedIsItemChange, parsedIsOutreachInput];
