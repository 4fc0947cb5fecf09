// One alert rule's round (SPEC §8), up to the inbox: its matches now → fireRule (firings, assign,
// follow-up) → a notification to each person it names, by their choice (notify also queues the
// e-mail of those wanted immediately). lib/alerts adds the Slack post; the demo seed runs its rules
// through here too.
import type { Db } from "@/db/client";
import { accountPath } from "@/lib/account-path";
import type { AlertActions, AlertFilters, AlertTrigger } from "@/lib/types/alerts";
import { alertMatches } from "./alert-conditions";
import { type Fired, fireRule } from "./alert-fire";
import { activeUsersOf, notify } from "./notifications";

export interface RoundRule {
  id: string;
  name: string;
  trigger: AlertTrigger;
  filters: AlertFilters;
  actions: AlertActions;
}

/** Who a firing tells: its assignee (when the rule says so), the roles' users and the users named. */
function recipients(actions: AlertActions, f: Fired, named: string[]): string[] {
  const out = new Set(named);
  if (actions.notify.assignee && f.assigneeId) out.add(f.assigneeId);
  return [...out].sort();
}

export async function runAlertRule(db: Db, rule: RoundRule, now: Date): Promise<Fired[]> {
  const matches = await alertMatches(db, rule, now);
  const fired = await fireRule(db, rule, matches, now);
  if (fired.length === 0) return fired;
  const named = await activeUsersOf(db, rule.actions.notify.roles, rule.actions.notify.userIds);
  await notify(
    db,
    "alert",
    fired.flatMap((f) =>
      recipients(rule.actions, f, named).map((userId) => ({
        userId,
        title: `${rule.name}: ${f.accountName}`,
        body: f.detail,
        href: accountPath(f.accountExternalId),
        accountId: f.accountId,
        firingId: f.firingId,
      })),
    ),
    now,
  );
  return fired;
}
