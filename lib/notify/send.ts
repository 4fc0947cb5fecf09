// Sends one queued message (jobs `email.send` and `slack.post`): an e-mail over SMTP with nodemailer
// under its own Message-ID, or a Slack post through the webhooks' address guard. The send comes
// before the log says "succeeded": a server stopped in between sends the message again, under the
// same Message-ID (at least once; a mail reader shows one). A message already delivered is not sent again.
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import {
  type EmailMessage,
  type SlackMessage,
  messageToSend,
  recordMessageAttempt,
} from "@/db/queries/message-deliveries";
import type { Job } from "@/db/queries/jobs";
import { env } from "@/lib/env";
import type { JobHandler } from "@/lib/jobs/types";
import { type DeliverOptions, USER_AGENT, guardedPost } from "@/lib/webhooks/deliver";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";

function deliveryId(job: Job): string {
  const payload = job.payload;
  if (typeof payload === "object" && payload !== null && "deliveryId" in payload) {
    const { deliveryId: id } = payload;
    if (typeof id === "string") return id;
  }
  throw new Error(`Job ${job.id} has no delivery id.`);
}

/** The stored messages, read back through their shapes. */
const emailShape = z.object({ to: z.string(), subject: z.string(), text: z.string(), html: z.string() });
const slackShape = z.object({
  url: z.string(),
  body: z.object({ text: z.string(), blocks: z.array(z.unknown()).optional() }),
});

const transports = new Map<string, Transporter>();

/** The SMTP transport of SMTP_URL (one per URL, reused), or null when e-mail is not configured. */
export function smtpTransport(url = env().SMTP_URL): Transporter | null {
  if (!url) return null;
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, socketTimeout: 20_000 });
    transports.set(url, transport);
  }
  return transport;
}

export function smtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one e-mail now (the job's send, and the settings page's "Send test"). */
export async function sendEmail(transport: Transporter, messageId: string, m: EmailMessage): Promise<void> {
  await transport.sendMail({
    from: env().MAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId,
  });
}

/** Posts one Slack message now; throws with the reason when it was not taken (not a 2xx). */
export async function postSlack(m: SlackMessage, opts: DeliverOptions = {}): Promise<void> {
  const check = await checkWebhookUrl(m.url, { allowPrivate: opts.allowPrivate, lookup: opts.lookup });
  if (!check.ok) throw new Error(`Not sent: ${check.message}`);
  const answer = await guardedPost(
    check.url,
    { body: JSON.stringify(m.body), headers: { "user-agent": USER_AGENT } },
    opts,
  );
  if (answer.statusCode === null) throw new Error(answer.error ?? "No answer.");
  if (answer.statusCode < 200 || answer.statusCode >= 300)
    throw new Error(`Slack answered ${answer.statusCode}: ${answer.response.slice(0, 200)}`);
}

const failed: JobHandler["onFailed"] = async ({ db, job, error, retryAt, now }) => {
  await recordMessageAttempt(db, deliveryId(job), { ok: false, error, final: retryAt === null }, now);
};

export function createEmailHandler(opts: { smtpUrl?: string } = {}): JobHandler {
  return {
    async run({ db, job, now }) {
      const delivery = await messageToSend(db, deliveryId(job));
      if (!delivery || delivery.status === "succeeded" || delivery.channel !== "email") return;
      const transport = smtpTransport(opts.smtpUrl ?? env().SMTP_URL);
      if (!transport) throw new Error("Not sent: e-mail is not configured (SMTP_URL is not set).");
      await sendEmail(transport, delivery.id, emailShape.parse(delivery.message));
      await recordMessageAttempt(db, delivery.id, { ok: true }, now);
    },
    onFailed: failed,
  };
}

export function createSlackHandler(opts: DeliverOptions = {}): JobHandler {
  return {
    async run({ db, job, now }) {
      const delivery = await messageToSend(db, deliveryId(job));
      if (!delivery || delivery.status === "succeeded" || delivery.channel !== "slack") return;
      await postSlack(slackShape.parse(delivery.message), opts);
      await recordMessageAttempt(db, delivery.id, { ok: true }, now);
    },
    onFailed: failed,
  };
}

export const sendEmailJob = createEmailHandler();
export const postSlackJob = createSlackHandler();
