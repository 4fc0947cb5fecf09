"use server";
// Managers and admins: make or change an alert rule. A Slack URL must pass the webhooks' URL rules
// (https, public address), refused under its field; named users must exist and be active.
import { getDb } from "@/db/client";
import { createAlertRule, updateAlertRule } from "@/db/queries/alert-rules";
import { activeUsersOf } from "@/db/queries/notifications";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import type { AlertRuleInput } from "@/lib/types/alerts";
import { alertRuleSchema, updateAlertRuleSchema } from "@/lib/validation/alerts";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";

/** The rule as it will be stored, or the refusal naming the field. */
async function checked(rule: AlertRuleInput): Promise<AlertRuleInput | Refusal> {
  let slackUrl = rule.actions.slackUrl;
  if (slackUrl) {
    const url = await checkWebhookUrl(slackUrl);
    if (!url.ok) return new Refusal(422, `actions.slackUrl: ${url.message}`, { field: "actions.slackUrl" });
    slackUrl = url.url;
  }
  const a = rule.actions.assign;
  const named = [
    ...rule.actions.notify.userIds,
    ...(a.mode === "round_robin" ? a.userIds : a.mode === "user" ? [a.userId] : []),
  ];
  const active = new Set(await activeUsersOf(await getDb(), [], named));
  const missing = named.find((id) => !active.has(id));
  if (missing)
    return new Refusal(422, `actions: the user ${missing} does not exist or is disabled`, { field: "actions" });
  return { ...rule, actions: { ...rule.actions, slackUrl } };
}

const create = action("manager", alertRuleSchema, async (input, user) => {
  const rule = await checked(input);
  if (rule instanceof Refusal) return rule;
  return { id: await createAlertRule(await getDb(), rule, actorOf(user)) };
});

const update = action("manager", updateAlertRuleSchema, async ({ id, rule: input }, user) => {
  const rule = await checked(input);
  if (rule instanceof Refusal) return rule;
  if (!(await updateAlertRule(await getDb(), id, rule, actorOf(user))))
    return new Refusal(404, `There is no alert rule ${id}.`);
  return { id };
});

export async function createAlertRuleAction(input: unknown) {
  return create(input);
}

export async function updateAlertRuleAction(input: unknown) {
  return update(input);
}
