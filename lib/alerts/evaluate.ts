// Alert rules at work (SPEC §8): a recurring job of the queue, every HEALTH_REFRESH_SECONDS (so a
// condition caused by new data fires within one refresh interval; the time-based ones — trials,
// failed payments — are evaluated as often, at least hourly when the refresh is off). Each enabled
// rule: its matches now → fireRule (firings, assign, follow-up) → notifications for the people it
// names (each by their choice; e-mail for the immediate ones) → a Slack post per firing.
import type { Db } from "@/db/client";
import { accountPath } from "@/lib/account-path";
import { alertMatches } from "@/db/queries/alert-conditions";
import { type Fired, fireRule } from "@/db/queries/alert-fire";
import { enabledAlertRules } from "@/db/queries/alert-rules";
import { ensureRecurring } from "@/db/queries/jobs";
import { queueMessages } from "@/db/queries/message-deliveries";
import { activeUsersOf, notify } from "@/db/queries/notifications";
import type { JobHandler } from "@/lib/jobs/types";
import type { AlertActions } from "@/lib/types/alerts";
import { slackText } from "@/lib/notify/outgoing";

export const ALERTS_JOB = "recurring:alerts.evaluate";
const HOUR_SECONDS = 3600;

interface RuleRound {
  id: string;
  name: string;
  fired: number;
}

/** Who a firing tells: its assignee (when the rule says so), the roles' users and the users named. */
function recipients(actions: AlertActions, f: Fired, named: string[]): string[] {
  const out = new Set(named);
  if (actions.notify.assignee && f.assigneeId) out.add(f.assigneeId);
  return [...out].sort();
}

/** One round of every enabled rule at `now`. */
export async function evaluateAlerts(db: Db, now: Date): Promise<RuleRound[]> {
  const rules = await enabledAlertRules(db);
  const rounds: RuleRound[] = [];
  for (const rule of rules) {
    const matches = await alertMatches(db, rule, now);
    const fired = await fireRule(db, rule, matches, now);
    rounds.push({ id: rule.id, name: rule.name, fired: fired.length });
    if (fired.length === 0) continue;
    await db.transaction(async (tx) => {
      const named = await activeUsersOf(tx, rule.actions.notify.roles, rule.actions.notify.userIds);
      const list = fired.flatMap((f) =>
        recipients(rule.actions, f, named).map((userId) => ({
          userId,
          title: `${rule.name}: ${f.accountName}`,
          body: f.detail,
          href: accountPath(f.accountExternalId),
          accountId: f.accountId,
          firingId: f.firingId,
        })),
      );
      await notify(tx, "alert", list, now);
      const slackUrl = rule.actions.slackUrl;
      if (slackUrl)
        await queueMessages(
          tx,
          fired.map((f) => ({
            id: `slack_alert_${f.firingId}`,
            channel: "slack" as const,
            userId: null,
            purpose: "alert",
            message: {
              url: slackUrl,
              body: {
                text: slackText(rule.name, [
                  { text: f.accountName, detail: f.detail, href: accountPath(f.accountExternalId) },
                ]),
              },
            },
          })),
          now,
        );
    });
  }
  return rounds;
}

export const evaluateAlertsJob: JobHandler = {
  async run({ db, now }) {
    await evaluateAlerts(db, now);
  },
};

/** The recurring round: every refresh interval, or hourly when the refresh is off. */
export async function ensureAlertJobs(db: Db, refreshSeconds: number, now: Date): Promise<void> {
  await ensureRecurring(db, {
    key: ALERTS_JOB,
    kind: "alerts.evaluate",
    everySeconds: refreshSeconds > 0 ? refreshSeconds : HOUR_SECONDS,
    firstRunAt: now,
  });
}
