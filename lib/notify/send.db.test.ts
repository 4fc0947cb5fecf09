// Sending queued e-mails and Slack posts through the job queue, to a real SMTP server in this process
// (smtp-server, read back with mailparser) and a local HTTP endpoint standing in for Slack.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { claimJobs } from "@/db/queries/jobs";
import { messageToSend, queueMessages } from "@/db/queries/message-deliveries";
import { messageDeliveries } from "@/db/schema";
import { runDueJobs } from "@/lib/jobs/worker";
import { setupTestDbPerTest } from "@/test/db";
import { type SmtpSink, startSmtpSink } from "@/test/smtp-sink";
import { type Receiver, startReceiver } from "@/test/webhook-receiver";
import { renderEmail } from "./email-template";
import { createEmailHandler, createSlackHandler, sendEmail, smtpTransport } from "./send";

vi.stubEnv("MAIL_FROM", "Holdfast <alerts@holdfast.example.com>");

const T0 = new Date("2026-03-20T10:00:00Z");
const MINUTE = 60_000;
const t = setupTestDbPerTest();
let sink: SmtpSink;
let receiver: Receiver | undefined;

beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
  await receiver?.close();
  receiver = undefined;
});

const handlers = () => ({
  "email.send": createEmailHandler({ smtpUrl: sink.url }),
  "slack.post": createSlackHandler({ allowPrivate: true }),
});
const run = (now: Date) => runDueJobs(t.db, { workerId: "test", handlers: handlers(), now });

const email = (id: string) => ({
  id,
  channel: "email" as const,
  userId: null,
  purpose: "alert",
  message: {
    to: "mia@example.com",
    ...renderEmail(
      {
        subject: "Big accounts falling: Acme",
        heading: "Big accounts falling",
        sections: [
          { title: "Account", lines: [{ text: "Acme", detail: "Health fell 20 points", href: "/accounts/acme" }] },
        ],
      },
      "https://holdfast.example.com",
    ),
  },
});

describe("e-mail through the queue", () => {
  it("sends each queued e-mail once under its Message-ID, in text and HTML, with the links and the preferences link", async () => {
    await queueMessages(t.db, [email("<notification-1@holdfast.example.com>")], T0);
    // Queued twice (a retried round): one message.
    await queueMessages(t.db, [email("<notification-1@holdfast.example.com>")], T0);
    expect(await run(T0)).toMatchObject({ claimed: 1, succeeded: 1 });
    const [mail] = await sink.arrived(1);
    expect(mail?.messageId).toBe("<notification-1@holdfast.example.com>");
    expect(mail?.from?.value).toEqual([{ name: "Holdfast", address: "alerts@holdfast.example.com" }]);
    expect(mail?.subject).toBe("Big accounts falling: Acme");
    expect(mail?.text).toContain("- Acme — Health fell 20 points\n  https://holdfast.example.com/accounts/acme");
    expect(mail?.text).toContain(
      "Choose what Holdfast e-mails you: https://holdfast.example.com/account/notifications",
    );
    expect(mail?.html).toContain('<a href="https://holdfast.example.com/accounts/acme"');
    expect(mail?.html).toContain('<a href="https://holdfast.example.com/account/notifications"');
    const row = await messageToSend(t.db, "<notification-1@holdfast.example.com>");
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, deliveredAt: T0 });
    expect(await run(new Date(T0.getTime() + MINUTE))).toMatchObject({ claimed: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it("a server stopped after the SMTP server accepted the message, before the job was done, sends it again with the same Message-ID", async () => {
    const id = "<notification-2@holdfast.example.com>";
    await queueMessages(t.db, [email(id)], T0);
    // Server A claims the job and hands the message to SMTP, which accepts it; then A stops: nothing
    // after the send (the log, the job's end) happens.
    const [held] = await claimJobs(t.db, { workerId: "server-a", now: T0, leaseMs: MINUTE, limit: 10 });
    expect(held?.kind).toBe("email.send");
    const stored = email(id).message;
    const transport = smtpTransport(sink.url);
    if (!transport) throw new Error("no transport");
    await sendEmail(transport, id, stored);
    await sink.arrived(1);
    expect((await messageToSend(t.db, id))?.status).toBe("pending");
    // While A's lease holds, nobody else takes it; once it lapses, server B sends it again.
    expect(await run(new Date(T0.getTime() + 30_000))).toMatchObject({ claimed: 0 });
    expect(await run(new Date(T0.getTime() + MINUTE + 1))).toMatchObject({ claimed: 1, succeeded: 1 });
    const mails = await sink.arrived(2);
    expect(mails.map((m) => m.messageId)).toEqual([id, id]);
    expect((await messageToSend(t.db, id))?.status).toBe("succeeded");
  });

  it("retries a refused send and logs why; without SMTP_URL nothing can be sent and the log says so", async () => {
    await sink.close();
    const id = "<notification-3@holdfast.example.com>";
    await queueMessages(t.db, [email(id)], T0);
    expect(await run(T0)).toMatchObject({ claimed: 1, failed: 1 });
    const [row] = await t.db.select().from(messageDeliveries).where(eq(messageDeliveries.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
    sink = await startSmtpSink();

    const none = createEmailHandler({ smtpUrl: "" });
    await queueMessages(t.db, [email("<notification-4@holdfast.example.com>")], T0);
    await runDueJobs(t.db, { workerId: "test", handlers: { "email.send": none }, now: T0, kinds: ["email.send"] });
    const [unsent] = await t.db
      .select()
      .from(messageDeliveries)
      .where(eq(messageDeliveries.id, "<notification-4@holdfast.example.com>"));
    expect(unsent?.lastError).toBe("Not sent: e-mail is not configured (SMTP_URL is not set).");
  });
});

describe("Slack posts through the queue", () => {
  it("posts the message as JSON to the incoming-webhook URL once", async () => {
    receiver = await startReceiver(() => 200);
    await queueMessages(
      t.db,
      [
        {
          id: "slack_alert_1",
          channel: "slack",
          userId: null,
          purpose: "alert",
          message: {
            url: receiver.url,
            body: { text: "*Big accounts falling*\n• <https://h.example/accounts/acme|Acme>: down" },
          },
        },
      ],
      T0,
    );
    expect(await run(T0)).toMatchObject({ claimed: 1, succeeded: 1 });
    await receiver.arrived(1);
    expect(receiver.received.map((r) => [r.contentType, JSON.parse(r.body)])).toEqual([
      ["application/json", { text: "*Big accounts falling*\n• <https://h.example/accounts/acme|Acme>: down" }],
    ]);
    expect((await messageToSend(t.db, "slack_alert_1"))?.status).toBe("succeeded");
  });

  it("retries a post Slack refuses, and logs its answer", async () => {
    receiver = await startReceiver(() => 500);
    await queueMessages(
      t.db,
      [
        {
          id: "slack_alert_2",
          channel: "slack",
          userId: null,
          purpose: "alert",
          message: { url: receiver.url, body: { text: "x" } },
        },
      ],
      T0,
    );
    expect(await run(T0)).toMatchObject({ claimed: 1, failed: 1 });
    const row = await messageToSend(t.db, "slack_alert_2");
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row?.lastError).toMatch(/^Slack answered 500/);
  });
});
