// Every kind of background job and the code that runs it: the one list the server's worker uses.
import { evaluateAlertsJob } from "@/lib/alerts/evaluate";
import { endStaleSessions } from "@/lib/cancel/jobs";
import { rescoreAll, rescoreStale } from "@/lib/health/jobs";
import { digestJob } from "@/lib/notify/digest";
import { emailNotificationJob } from "@/lib/notify/immediate";
import { postSlackJob, sendEmailJob } from "@/lib/notify/send";
import { applyBillingOutcome } from "@/lib/stripe/apply";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { pruneFinishedJobs } from "./prune";
import type { JobHandlers } from "./types";

export const JOB_HANDLERS: JobHandlers = {
  "webhook.deliver": deliverWebhook,
  "health.rescore_stale": rescoreStale,
  "health.rescore_all": rescoreAll,
  "jobs.prune": pruneFinishedJobs,
  "cancel.end_stale_sessions": endStaleSessions,
  "stripe.apply_outcome": applyBillingOutcome,
  "alerts.evaluate": evaluateAlertsJob,
  "notifications.email": emailNotificationJob,
  "email.send": sendEmailJob,
  "slack.post": postSlackJob,
  "notifications.digest": digestJob,
};
