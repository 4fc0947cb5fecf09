// An alert end to end, on a server of its own: Holdfast re-scores every 2 s (HEALTH_REFRESH_SECONDS),
// sends e-mail to an SMTP server in this process, and may post to a Slack stand-in on 127.0.0.1.
// A rule "an account enters the at-risk queue: assign it to Cora, tell her, post to Slack" is in
// place; the ingestion API receives an account, then the signals that sink it (an NPS of 1 and a
// payment that failed twice). Cora's bell shows the alert, her e-mail arrives with a link that opens the
// account, and the Slack endpoint gets the post.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { exited, serve, waitForHealth } from "@/scripts/serve";
import { type SmtpSink, startSmtpSink } from "@/test/smtp-sink";
import { type Receiver, startReceiver } from "@/test/webhook-receiver";
import { e2ePort } from "./env";
import { gotoHydrated } from "./hydrated";

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

const PORT = e2ePort() + 2;
const URL = `http://127.0.0.1:${PORT}`;
const CORA = { email: "cora@holdfast.local", password: "cora-password-123", name: "Cora Reyes" };
const ACCOUNT = { externalId: "cus_alert_e2e", name: "Sinking Ship Ltd" };

let dir = "";
let server: ChildProcess | undefined;
let smtp: SmtpSink;
let slack: Receiver;
let apiKey = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-e2e-alerts-"));
  smtp = await startSmtpSink();
  slack = await startReceiver();
  // The installation before the server starts: Cora, a key for the billing sync, and the rule.
  const { openPglite } = await import("@/db/client");
  const { migrate } = await import("@/db/migrate");
  const { createUser } = await import("@/db/queries/users");
  const { createApiKey } = await import("@/db/queries/api-keys");
  const { createAlertRule } = await import("@/db/queries/alert-rules");
  const { SYSTEM_ACTOR } = await import("@/db/queries/audit");
  const handle = await openPglite(path.join(dir, "pglite"));
  try {
    await migrate(handle);
    const cora = await createUser(handle.db, { ...CORA, role: "cs" }, SYSTEM_ACTOR);
    apiKey = (await createApiKey(handle.db, { name: "Billing sync", scopes: ["ingest"] }, SYSTEM_ACTOR)).key;
    await createAlertRule(
      handle.db,
      {
        name: "New in the queue",
        enabled: true,
        trigger: { kind: "entered_queue" },
        filters: { minMrrCents: null, segment: null, plan: null },
        actions: {
          assign: { mode: "user", userId: cora.id },
          followUpDays: null,
          notify: { assignee: true, roles: [], userIds: [] },
          slackUrl: `${slack.url}/services/T000/B000/alerts`,
        },
      },
      SYSTEM_ACTOR,
    );
  } finally {
    await handle.close();
  }
  server = serve(PORT, {
    HOLDFAST_DATA_DIR: dir,
    DATABASE_URL: "",
    AUTH_SECRET: "e2e-alerts-secret-0123456789abcdef0123456789",
    PUBLIC_URL: URL,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Holdfast <holdfast@holdfast.local>",
    HEALTH_REFRESH_SECONDS: "2",
    ALLOW_PRIVATE_WEBHOOKS: "true",
  });
  expect(await waitForHealth(URL, 150_000)).toBe(true);
});

test.afterAll(async () => {
  if (server) {
    server.kill("SIGTERM");
    await exited(server);
  }
  await smtp?.close();
  await slack?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("signals that sink an account reach the assignee's bell, her e-mail with a working link, and Slack", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const ingest = async (resource: string, items: unknown[]) => {
    const response = await request.post(`${URL}/api/v1/${resource}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      data: { items },
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  const now = Date.now();
  const daysAgo = (n: number) => new Date(now - n * 86_400_000).toISOString();
  await ingest("accounts", [{ ...ACCOUNT, plan: "growth", segment: "smb" }]);
  await ingest("subscription-events", [
    { accountExternalId: ACCOUNT.externalId, occurredAt: daysAgo(200), type: "converted", mrrAfterCents: 49_00 },
  ]);
  // The sinking: an unhappy NPS answer, and a payment that failed and failed again on its retry.
  // Health (no product activity sent: billing, intent and voice, equally weighted) falls from 100 to
  // (0 + 1 + 0.1) / 3 = 37, below the queue's threshold of 50.
  await ingest("signals", [
    { accountExternalId: ACCOUNT.externalId, kind: "nps", occurredAt: daysAgo(5), score: 1, comment: "Nothing works" },
    { accountExternalId: ACCOUNT.externalId, kind: "payment_failed", occurredAt: daysAgo(4) },
    { accountExternalId: ACCOUNT.externalId, kind: "payment_failed", occurredAt: daysAgo(1) },
  ]);

  // The e-mail: to Cora, naming the account, with a link to it on this server.
  const about = () => smtp.received.find((m) => m.subject?.includes(ACCOUNT.name));
  await expect.poll(() => about() !== undefined, { timeout: 90_000 }).toBe(true);
  const mail = about();
  expect(JSON.stringify(mail?.to)).toContain(CORA.email);
  const link = mail?.text?.match(new RegExp(`${URL}/accounts/[^\\s)>]+`))?.[0];
  expect(link, mail?.text).toBeDefined();

  // Slack: one post naming the account.
  await expect.poll(() => slack.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(slack.received.map((r) => r.body).join("\n")).toContain(ACCOUNT.name);

  // Cora signs in: her bell counts the alert, and her inbox names the account.
  await gotoHydrated(page, `${URL}/sign-in`);
  await page.locator("#email").fill(CORA.email);
  await page.locator("#password").fill(CORA.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/Notifications, [1-9]\d* unread/);
  await bell.click();
  await expect(page.getByTestId("notification").filter({ hasText: ACCOUNT.name })).toBeVisible();

  // The e-mail's link opens the account, assigned to her.
  await gotoHydrated(page, link ?? "");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ACCOUNT.name);
});
