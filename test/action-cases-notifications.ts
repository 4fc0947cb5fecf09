// The alert and notification actions as fuzzing cases (see test/action-cases.ts). "Send test" sends nothing
// here: its body's checks (the URL rules) run, and the log row it writes.
import {
  createAlertRule,
  deleteAlertRule,
  previewAlertRule,
  setAlertRuleEnabled,
  updateAlertRule,
} from "@/db/queries/alert-rules";
import { logSentMessage } from "@/db/queries/message-deliveries";
import { adoptTimeZone, markRead, saveNotificationSettings } from "@/db/queries/notifications";
import {
  adoptTimeZoneSchema,
  markReadSchema,
  notificationSettingsSchema,
  sendTestSchema,
} from "@/lib/validation/notifications";
import {
  alertPreviewSchema,
  alertRuleIdSchema,
  alertRuleSchema,
  setAlertRuleEnabledSchema,
  updateAlertRuleSchema,
} from "@/lib/validation/alerts";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import { type ActionCase, actionCase, actor } from "./action-case";
import { FIXTURE_ALERT_RULE } from "./action-fixture";
import { uniqueId } from "./factories";

export const NOTIFICATION_ACTION_CASES: ActionCase[] = [
  actionCase({
    action: "createAlertRuleAction",
    schema: alertRuleSchema,
    valid: () => FIXTURE_ALERT_RULE,
    run: (db, i, f) => createAlertRule(db, i, actor(f.admin)),
  }),
  actionCase({
    action: "updateAlertRuleAction",
    schema: updateAlertRuleSchema,
    valid: (f) => ({ id: f.alertRuleId, rule: FIXTURE_ALERT_RULE }),
    run: (db, i, f) => updateAlertRule(db, i.id, i.rule, actor(f.admin)),
  }),
  actionCase({
    action: "setAlertRuleEnabledAction",
    schema: setAlertRuleEnabledSchema,
    valid: (f) => ({ id: f.alertRuleId, enabled: false }),
    run: (db, i, f) => setAlertRuleEnabled(db, i.id, i.enabled, actor(f.admin)),
  }),
  actionCase({
    action: "deleteAlertRuleAction",
    schema: alertRuleIdSchema,
    valid: (f) => ({ id: f.alertRuleId }),
    run: (db, i, f) => deleteAlertRule(db, i.id, actor(f.admin)),
  }),
  actionCase({
    action: "previewAlertRuleAction",
    schema: alertPreviewSchema,
    valid: () => ({ trigger: FIXTURE_ALERT_RULE.trigger, filters: FIXTURE_ALERT_RULE.filters }),
    run: (db, i) => previewAlertRule(db, i, new Date()),
  }),
  actionCase({
    action: "markNotificationsReadAction",
    schema: markReadSchema,
    valid: () => ({ id: "all" }),
    run: (db, i, f) => markRead(db, f.other.id, i.id, new Date()),
  }),
  actionCase({
    action: "saveNotificationSettingsAction",
    schema: notificationSettingsSchema,
    valid: () => ({
      timeZone: "Europe/Berlin",
      preferences: {
        alert: "immediate",
        assigned: "digest",
        follow_up: "digest",
        threshold: "off",
        weekly: "immediate",
      },
    }),
    run: (db, i, f) => saveNotificationSettings(db, f.other.id, i, new Date()),
  }),
  actionCase({
    action: "adoptTimeZoneAction",
    schema: adoptTimeZoneSchema,
    valid: () => ({ timeZone: "America/New_York" }),
    run: (db, i, f) => adoptTimeZone(db, f.other.id, i.timeZone),
  }),
  actionCase({
    action: "sendTestNotificationAction",
    schema: sendTestSchema,
    valid: () => ({ channel: "slack", url: "https://hooks.slack.example.com/services/T0/B0/x" }),
    run: async (db, i, f) => {
      if (i.channel === "email") return undefined;
      const checked = await checkWebhookUrl(i.url, { allowPrivate: false, lookup: async () => ["93.184.216.34"] });
      if (!checked.ok) return undefined;
      return logSentMessage(
        db,
        {
          id: uniqueId("slack_test"),
          channel: "slack",
          userId: f.other.id,
          purpose: "test",
          message: { url: checked.url, body: { text: "test" } },
        },
        { ok: false, error: "not sent in tests" },
        new Date(),
      );
    },
  }),
];
