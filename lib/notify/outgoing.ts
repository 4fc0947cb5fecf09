// Turns notifications into queued messages: an e-mail for each one its user wants immediately
// (when SMTP is configured and the user is active), a Slack post for a rule that has a URL. Ids are
// made from what they announce, so queueing the same thing twice sends it once.
import type { Db } from "@/db/client";
import { type OutgoingMessage, queueMessages } from "@/db/queries/message-deliveries";
import { type Written, activeEmails } from "@/db/queries/notifications";
import { env } from "@/lib/env";
import { type EmailContent, renderEmail } from "./email-template";

/** The address links in messages lead to: PUBLIC_URL, else this server on localhost. */
export function publicBase(): string {
  return env().PUBLIC_URL ?? `http://localhost:${env().PORT}`;
}

/** The right-hand side of Message-IDs: the public host. */
export function messageDomain(): string {
  return new URL(publicBase()).hostname || "holdfast.local";
}

export const messageId = (local: string) => `<${local}@${messageDomain()}>`;

/**
 * Queues an e-mail for each written notification its user wants immediately; `content` gives the
 * e-mail of one. Nothing is queued without SMTP_URL (the inbox holds them). Returns the Message-IDs.
 */
export async function emailImmediate(
  db: Db,
  written: Written[],
  content: (w: Written) => EmailContent,
  purpose: string,
  now: Date,
): Promise<string[]> {
  if (!env().SMTP_URL) return [];
  const immediate = written.filter((w) => w.delivery === "immediate");
  const emails = await activeEmails(
    db,
    immediate.map((w) => w.userId),
  );
  const base = publicBase();
  const messages = immediate.flatMap((w): OutgoingMessage[] => {
    const to = emails.get(w.userId);
    if (!to) return [];
    return [
      {
        id: messageId(`notification-${w.id}`),
        channel: "email",
        userId: w.userId,
        purpose,
        message: { to, ...renderEmail(content(w), base) },
      },
    ];
  });
  return queueMessages(db, messages, now);
}

/** Slack's incoming-webhook text: *bold*, and <url|label> links. */
export function slackText(title: string, lines: { text: string; detail: string; href: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const base = publicBase();
  return [
    `*${esc(title)}*`,
    ...lines.map((l) => `• <${new URL(l.href, base).toString()}|${esc(l.text)}>: ${esc(l.detail)}`),
  ].join("\n");
}
