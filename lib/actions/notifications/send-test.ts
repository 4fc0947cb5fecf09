"use server";
// Anyone signed in: "Send test" in Settings → Notifications. An e-mail to their own address, or a
// post to a Slack incoming-webhook URL (under the webhooks' URL rules), sent at once so the answer
// says whether it worked; each is logged beside the other deliveries.
import { getDb } from "@/db/client";
import { type OutgoingMessage, logSentMessage } from "@/db/queries/message-deliveries";
import { Refusal, action } from "@/lib/actions/safe-action";
import { renderEmail } from "@/lib/notify/email-template";
import { messageId, publicBase, slackText } from "@/lib/notify/outgoing";
import { postSlack, sendEmail, smtpTransport } from "@/lib/notify/send";
import { sendTestSchema } from "@/lib/validation/notifications";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

const send = action("cs", sendTestSchema, async (input, user) => {
  const db = await getDb();
  const now = new Date();
  const stamp = `${user.id}-${now.getTime()}`;
  if (input.channel === "email") {
    const transport = smtpTransport();
    if (!transport)
      return new Refusal(409, "SMTP is not configured: set SMTP_URL (and MAIL_FROM) and restart Holdfast.");
    const m: OutgoingMessage = {
      id: messageId(`test-${stamp}`),
      channel: "email",
      userId: user.id,
      purpose: "test",
      message: {
        to: user.email,
        ...renderEmail(
          {
            subject: "Holdfast test e-mail",
            heading: "E-mail from Holdfast works",
            intro: `This test was sent to ${user.email} at your request.`,
            sections: [{ title: "Your inbox", lines: [{ text: "Open your notifications", href: "/notifications" }] }],
          },
          publicBase(),
        ),
      },
    };
    try {
      await sendEmail(transport, m.id, m.message);
    } catch (error) {
      await logSentMessage(db, m, { ok: false, error: errorText(error) }, now);
      return new Refusal(422, `The SMTP server did not take the e-mail: ${errorText(error)}`);
    }
    await logSentMessage(db, m, { ok: true }, now);
    return { sentTo: user.email };
  }
  const checked = await checkWebhookUrl(input.url);
  if (!checked.ok) return new Refusal(422, checked.message, { field: "url" });
  const m: OutgoingMessage = {
    id: `slack_test_${stamp}`,
    channel: "slack",
    userId: user.id,
    purpose: "test",
    message: {
      url: checked.url,
      body: {
        text: slackText("Holdfast test post", [
          { text: "Notifications", detail: `sent by ${user.name} to check this URL`, href: "/notifications" },
        ]),
      },
    },
  };
  try {
    await postSlack(m.message);
  } catch (error) {
    await logSentMessage(db, m, { ok: false, error: errorText(error) }, now);
    return new Refusal(422, errorText(error), { field: "url" });
  }
  await logSentMessage(db, m, { ok: true }, now);
  return { sentTo: new URL(checked.url).host };
});

export async function sendTestNotificationAction(input: unknown) {
  return send(input);
}
