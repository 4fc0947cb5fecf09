// The alert rule form's schema (SPEC §8): the trigger with its number, the filters, the actions. The
// Slack URL's address rules are checked by the action (they need a lookup).
import { z } from "zod";
import type { AlertRuleInput } from "@/lib/types/alerts";
import { ROLES, SEGMENTS } from "@/lib/values";
import { safeText, text } from "./text";

const whole = (field: string, min: number, max: number) =>
  z
    .number({ message: `${field} must be a whole number from ${min} to ${max}` })
    .int(`${field} must be a whole number from ${min} to ${max}`)
    .min(min, `${field} must be a whole number from ${min} to ${max}`)
    .max(max, `${field} must be a whole number from ${min} to ${max}`);

const userId = safeText(100, { message: "choose a user" }).min(1, "choose a user");

export const alertTriggerSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("entered_queue") }),
    z.object({ kind: z.literal("health_drop"), points: whole("trigger.points", 1, 100) }),
    z.object({ kind: z.literal("trial_ending"), days: whole("trigger.days", 1, 90) }),
    z.object({ kind: z.literal("cancel_page_left") }),
    z.object({ kind: z.literal("payment_failed"), days: whole("trigger.days", 0, 90) }),
    z.object({ kind: z.literal("cancel_canceled") }),
  ],
  { message: "choose when the rule fires" },
);

export const alertFiltersSchema = z.object({
  minMrrCents: whole("filters.minMrrCents", 0, 1_000_000_000).nullable().default(null),
  segment: z
    .enum(SEGMENTS, { message: `filters.segment must be one of ${SEGMENTS.join(", ")}` })
    .nullable()
    .default(null),
  plan: safeText(100).trim().min(1).nullable().default(null),
});

/** What a preview needs: the condition and the filters. */
export const alertPreviewSchema = z.object({ trigger: alertTriggerSchema, filters: alertFiltersSchema });

export const alertRuleSchema = z
  .object({
    name: safeText(100, { message: "name is required" }).trim().min(1, "name is required"),
    enabled: z.boolean({ message: "enabled must be true or false" }).default(true),
    trigger: alertTriggerSchema,
    filters: alertFiltersSchema,
    actions: z.object({
      assign: z.discriminatedUnion(
        "mode",
        [
          z.object({ mode: z.literal("none") }),
          z.object({ mode: z.literal("owner") }),
          z.object({
            mode: z.literal("round_robin"),
            userIds: z
              .array(userId, { message: "choose the users who take turns" })
              .min(1, "choose the users who take turns")
              .max(50, "at most 50 users take turns")
              .refine((ids) => new Set(ids).size === ids.length, "each user takes one turn: remove the repeats"),
          }),
          z.object({ mode: z.literal("user"), userId }),
        ],
        { message: "choose how the rule assigns" },
      ),
      followUpDays: whole("actions.followUpDays", 0, 90).nullable().default(null),
      notify: z.object({
        assignee: z.boolean({ message: "actions.notify.assignee must be true or false" }),
        roles: z.array(z.enum(ROLES, { message: `roles must be among ${ROLES.join(", ")}` })).max(3),
        userIds: z.array(userId).max(50, "at most 50 users"),
      }),
      slackUrl: text()
        .trim()
        .max(2000, "actions.slackUrl must be at most 2000 characters")
        .nullable()
        .default(null)
        .transform((v) => (v === "" ? null : v)),
    }),
  })
  .refine(
    (r) =>
      r.actions.assign.mode !== "none" ||
      r.actions.notify.roles.length > 0 ||
      r.actions.notify.userIds.length > 0 ||
      r.actions.slackUrl !== null ||
      r.actions.followUpDays !== null,
    { message: "the rule does nothing: assign, notify someone or post to Slack", path: ["actions"] },
  ) satisfies z.ZodType<AlertRuleInput, unknown>;

export const alertRuleIdSchema = z.object({
  id: safeText(100, { message: "id is required" }).min(1, "id is required"),
});
export const updateAlertRuleSchema = z.object({ id: alertRuleIdSchema.shape.id, rule: alertRuleSchema });
export const setAlertRuleEnabledSchema = z.object({
  id: alertRuleIdSchema.shape.id,
  enabled: z.boolean({ message: "enabled must be true or false" }),
});
