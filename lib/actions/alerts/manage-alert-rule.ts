"use server";
// Managers and admins: switch a rule on or off, delete it (its firings go with it), or preview what a
// rule being written would fire on now.
import { getDb } from "@/db/client";
import { deleteAlertRule, previewAlertRule, setAlertRuleEnabled } from "@/db/queries/alert-rules";
import { Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { alertPreviewSchema, alertRuleIdSchema, setAlertRuleEnabledSchema } from "@/lib/validation/alerts";

const enable = action("manager", setAlertRuleEnabledSchema, async ({ id, enabled }, user) =>
  (await setAlertRuleEnabled(await getDb(), id, enabled, actorOf(user)))
    ? { id, enabled }
    : new Refusal(404, `There is no alert rule ${id}.`),
);

const remove = action("manager", alertRuleIdSchema, async ({ id }, user) =>
  (await deleteAlertRule(await getDb(), id, actorOf(user)))
    ? { id }
    : new Refusal(404, `There is no alert rule ${id}.`),
);

const preview = action("manager", alertPreviewSchema, async (rule) =>
  previewAlertRule(await getDb(), rule, new Date()),
);

export async function setAlertRuleEnabledAction(input: unknown) {
  return enable(input);
}

export async function deleteAlertRuleAction(input: unknown) {
  return remove(input);
}

export async function previewAlertRuleAction(input: unknown) {
  return preview(input);
}
