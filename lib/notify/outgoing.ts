// What queued messages share: the public address their links lead to, their Message-IDs, and
// Slack's text format. Ids are made from what they announce, so queueing the same thing twice
// sends it once.
import { env } from "@/lib/env";

/** The address links in messages lead to: PUBLIC_URL, else this server on localhost. */
export function publicBase(): string {
  return env().PUBLIC_URL ?? `http://localhost:${env().PORT}`;
}

/** The right-hand side of Message-IDs: the public host. */
export function messageDomain(): string {
  return new URL(publicBase()).hostname || "holdfast.local";
}

export const messageId = (local: string) => `<${local}@${messageDomain()}>`;

/** Slack's incoming-webhook text: *bold*, and <url|label> links. */
export function slackText(title: string, lines: { text: string; detail: string; href: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const base = publicBase();
  return [
    `*${esc(title)}*`,
    ...lines.map((l) => `• <${new URL(l.href, base).toString()}|${esc(l.text)}>: ${esc(l.detail)}`),
  ].join("\n");
}
