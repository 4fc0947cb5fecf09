// The demo's alert rules (SPEC §8): four a CS team would start with, each firing on the demo set.
import type { AlertRuleSeed } from "./types";

const none = { minMrrCents: null, segment: null, plan: null };

export function demoAlertRules(created: Date): AlertRuleSeed[] {
  const base = { enabled: true, createdBy: "usr_demo_manager", createdAt: created, updatedAt: created };
  return [
    {
      ...base,
      id: "alr_demo_big_falling",
      name: "Big accounts falling",
      trigger: { kind: "health_drop", points: 10 },
      filters: { ...none, minMrrCents: 50_000 },
      actions: {
        assign: { mode: "owner" },
        followUpDays: 2,
        notify: { assignee: true, roles: ["manager"], userIds: [] },
        slackUrl: null,
      },
    },
    {
      ...base,
      id: "alr_demo_trial_ending",
      name: "Trial ends this week",
      trigger: { kind: "trial_ending", days: 7 },
      filters: none,
      actions: {
        assign: { mode: "round_robin", userIds: ["usr_demo_cs", "usr_demo_manager"] },
        followUpDays: 1,
        notify: { assignee: true, roles: [], userIds: [] },
        slackUrl: null,
      },
    },
    {
      ...base,
      id: "alr_demo_cancel_page",
      name: "Stayed after the cancel page",
      trigger: { kind: "cancel_page_left" },
      filters: none,
      actions: {
        assign: { mode: "owner" },
        followUpDays: null,
        notify: { assignee: true, roles: [], userIds: [] },
        slackUrl: null,
      },
    },
    {
      ...base,
      id: "alr_demo_payment_failing",
      name: "Enterprise payment failing a week",
      trigger: { kind: "payment_failed", days: 7 },
      filters: { ...none, segment: "enterprise" },
      actions: {
        assign: { mode: "none" },
        followUpDays: null,
        notify: { assignee: false, roles: ["manager"], userIds: [] },
        slackUrl: null,
      },
    },
  ];
}
