// A notification its user wants immediately becomes an e-mail (job `notifications.email`, queued by
// db/queries/notifications `notify`): the template's text and HTML, queued under the Message-ID
// `<notification-<id>@host>`, so a second run of this job queues nothing new.
import { queueMessages } from "@/db/queries/message-deliveries";
import { notificationToEmail } from "@/db/queries/notifications";
import type { Job } from "@/db/queries/jobs";
import type { JobHandler } from "@/lib/jobs/types";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/values";
import { renderEmail } from "./email-template";
import { messageId, publicBase } from "./outgoing";

function notificationId(job: Job): number {
  const payload = job.payload;
  if (typeof payload === "object" && payload !== null && "notificationId" in payload) {
    const { notificationId: id } = payload;
    if (typeof id === "number") return id;
  }
  throw new Error(`Job ${job.id} has no notification id.`);
}

const HEADING: Record<NotificationKind, string> = {
  alert: "Alert",
  assigned: "Assigned to you",
  follow_up: "Follow-up due",
  threshold: "Below the health threshold",
  weekly: "Weekly report",
};

const INTRO: Record<NotificationKind, string> = {
  alert: "An alert rule fired on an account:",
  assigned: "An account in the at-risk queue was assigned to you:",
  follow_up: "A follow-up is due:",
  threshold: "One of your accounts fell below the health threshold:",
  weekly: "Your weekly report:",
};

const isKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

export const emailNotificationJob: JobHandler = {
  async run({ db, job, now }) {
    const n = await notificationToEmail(db, notificationId(job));
    // Gone (the user was deleted) or disabled: nothing to send.
    if (!n) return;
    const kind = isKind(n.kind) ? n.kind : "alert";
    const content = {
      subject: n.title,
      // An alert is headed by its rule's name ("Big accounts falling").
      heading: n.ruleName ?? HEADING[kind],
      intro: INTRO[kind],
      sections: [{ title: "Account", lines: [{ text: n.title, detail: n.body, href: n.href }] }],
    };
    await queueMessages(
      db,
      [
        {
          id: messageId(`notification-${n.id}`),
          channel: "email",
          userId: n.userId,
          purpose: kind,
          message: { to: n.email, ...renderEmail(content, publicBase()) },
        },
      ],
      now,
    );
  },
};
