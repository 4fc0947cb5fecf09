// Alert rules at work (SPEC §8), run after each health re-scoring round (lib/health/jobs): the
// frequent round of the accounts that received data (ingestion, cancel sessions, queue additions
// mark them), so a condition new data caused fires within one refresh interval, and the hourly round
// of every account, which catches the time-based ones (trials, failed payments). A rule just saved
// gets a round of its own (job `alerts.evaluate`). Each enabled rule: its matches now → fireRule
// (firings, assign, follow-up) → notifications for the people it names (each by their choice;
// e-mail for the immediate ones) → a Slack post per firing.
import type { Db } from "@/db/client";
import { accountPath } from "@/lib/account-path";
import { runAlertRule } from "@/db/queries/alert-round";
import { enabledAlertRules } from "@/db/queries/alert-rules";
import { queueMessages } from "@/db/queries/message-deliveries";
import type { JobHandler } from "@/lib/jobs/types";
import { slackText } from "@/lib/notify/outgoing";

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
