// Alert rules at work (SPEC §8): a recurring job of the queue, every HEALTH_REFRESH_SECONDS (so a
// condition caused by new data fires within one refresh interval; the time-based ones — trials,
// failed payments — are evaluated as often, at least hourly when the refresh is off). Each enabled
// rule: its matches now → fireRule (firings, assign, follow-up) → notifications for the people it
// names (each by their choice; e-mail for the immediate ones) → a Slack post per firing.
import type { Db } from "@/db/client";
import { accountPath } from "@/lib/account-path";
import { runAlertRule } from "@/db/queries/alert-round";
import { enabledAlertRules } from "@/db/queries/alert-rules";
import { ensureRecurring } from "@/db/queries/jobs";
import { queueMessages } from "@/db/queries/message-deliveries";
import type { JobHandler } from "@/lib/jobs/types";
import { slackText } from "@/lib/notify/outgoing";

export const ALERTS_JOB = "recurring:alerts.evaluate";
const HOUR_SECONDS = 3600;

interface RuleRound {
  id: string;
  name: string;
  fired: number;
}

/** One round of every enabled rule at `now`; each rule's firings, notifications and posts in one transaction. */
export async function evaluateAlerts(db: Db, now: Date): Promise<RuleRound[]> {
  const rounds: RuleRound[] = [];
  for (const rule of await enabledAlertRules(db)) {
    const fired = await db.transaction(async (tx) => {
      const made = await runAlertRule(tx, rule, now);
      const slackUrl = rule.actions.slackUrl;
      if (slackUrl && made.length > 0)
        await queueMessages(
          tx,
          made.map((f) => ({
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
      return made.length;
    });
    rounds.push({ id: rule.id, name: rule.name, fired });
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
