// Webhooks end to end: an admin adds an endpoint in Admin → Webhooks (its secret shown once), sends
// a test event, and a receiver of the spec's own on 127.0.0.1 verifies the signature with the
// standardwebhooks package; the server's own worker delivers it. A receiver that answers 500 once
// gets the retry, the log shows both attempts to the second, and Replay sends the same webhook-id
// again. A disabled endpoint's test button is disabled, and the server refuses it too. Focus follows
// each action: to the new secret, to the notice, into an opened delivery.
import http from "node:http";
import { axeViolations, seriousOrCritical } from "./axe";
import type { AddressInfo } from "node:net";
import { type Page, expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import type { WebhookBody } from "@/lib/types/webhooks";
import { unique } from "./fixtures";
import { gotoHydrated, reloadHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

interface Received {
  id: string;
  timestamp: string;
  body: WebhookBody;
  /** The signature checked out with the endpoint's secret. */
  verified: boolean;
}

/**
 * An HTTP receiver on 127.0.0.1 (a free port) answering each message's tries with `codes` in turn,
 * the last one from then on. `tests()` are the test events among what it received.
 */
async function receiver(codes: number[]) {
  const received: Received[] = [];
  let secret = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => String(req.headers[name] ?? "");
      let verified = false;
      try {
        new Webhook(secret).verify(raw, {
          "webhook-id": header("webhook-id"),
          "webhook-timestamp": header("webhook-timestamp"),
          "webhook-signature": header("webhook-signature"),
        });
        verified = true;
      } catch {
        verified = false;
      }
      const body = JSON.parse(raw) as WebhookBody;
      received.push({ id: header("webhook-id"), timestamp: header("webhook-timestamp"), body, verified });
      // Each message gets the codes in turn (its first try the first code), whatever else arrives.
      const tries = received.filter((r) => r.id === header("webhook-id")).length;
      const code = codes[Math.min(tries - 1, codes.length - 1)] ?? 200;
      res.writeHead(code, { "content-type": "text/plain" });
      res.end(code < 300 ? "thanks" : "the receiver is down for a moment");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/holdfast/${unique()}`,
    received,
    tests: () => received.filter((r) => r.body.type === "webhook.test"),
    useSecret: (s: string) => {
      secret = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Adds an endpoint in the form and returns the secret shown once. */
async function addEndpoint(page: Page, url: string, description: string, events?: string[]): Promise<string> {
  const form = page.getByRole("form", { name: "New webhook endpoint" });
  await form.getByLabel("URL").fill(url);
  await form.getByLabel("Description").fill(description);
  for (const box of events ? await form.getByRole("checkbox").all() : []) {
    const name = (await box.getAttribute("value")) ?? "";
    await box.setChecked(events?.includes(name) ?? false);
  }
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await page.getByTestId("new-webhook-secret").innerText()).trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  // Focus moves to the secret shown once, not to the page's body.
  await expect(page.getByTestId("new-webhook")).toBeFocused();
  return secret;
}

function endpointRow(page: Page, url: string) {
  return page.getByTestId("webhook-endpoint").filter({ hasText: url });
}

/** The log filtered to the endpoint (its "Last 24 h" link) with its rows read again until `done`. */
async function openLog(page: Page, url: string) {
  await endpointRow(page, url)
    .getByRole("link", { name: /deliver/ })
    .click();
  await expect(page).toHaveURL(/endpoint=whe_/);
}

test("an endpoint added in the UI gets a signed test event, and the log shows it succeeded", async ({ page }) => {
  // The server's worker delivers within a second or two; on a loaded CI machine, allow a minute.
  test.setTimeout(120_000);
  const hook = await receiver([200]);
  try {
    await gotoHydrated(page, "/admin/webhooks");
    // A URL Holdfast cannot send to is refused under the field, and nothing is added.
    const form = page.getByRole("form", { name: "New webhook endpoint" });
    await form.getByLabel("URL").fill("not an address");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText("URL must be a full address")).toBeVisible();
    await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("new-webhook-secret")).toHaveCount(0);
    await expect(form.getByLabel("URL")).toBeFocused();

    // Every event is ticked by default, each with what it means.
    await expect(form.getByRole("checkbox", { name: /account\.entered_queue/ })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /cancel_session\.completed/ })).toBeChecked();
    await expect(form.getByText("(a customer finished the cancel page: saved or cancelled)")).toBeVisible();

    // Subscribed to cancel sessions only (not to the queue, where other specs put many accounts):
    // the cancel-page specs may still end sessions meanwhile, so only the test events are counted.
    const secret = await addEndpoint(page, hook.url, "Billing system (e2e)", ["cancel_session.completed"]);
    hook.useSecret(secret);
    const row = endpointRow(page, hook.url);
    await expect(row).toContainText("enabled");
    await expect(row).toContainText("cancel_session.completed");
    await expect(row).not.toContainText("account.entered_queue");
    // The button's name says which endpoint it tests; afterwards focus is on the notice. The server
    // action's request is kept, to be sent again once the endpoint is disabled.
    const sent = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
    await row.getByRole("button", { name: `Send test event to ${hook.url}` }).click();
    const testRequest = await sent;
    await expect(page.getByTestId("action-notice")).toContainText("Test event queued");
    await expect(page.getByTestId("endpoint-notice")).toBeFocused();

    await expect.poll(() => hook.tests().length, { timeout: 45_000 }).toBe(1);
    const [event] = hook.tests();
    expect(event?.verified).toBe(true);
    expect(event?.body.type).toBe("webhook.test");
    expect(event?.id).toMatch(/^msg_/);

    await openLog(page, hook.url);
    const delivery = page.getByTestId("delivery-row").filter({ hasText: event?.id ?? "?" });
    await expect(delivery).toContainText("succeeded", { timeout: 45_000 });
    await expect(delivery).toContainText("200");
    // Recurring jobs say how often they run (the counts alone read "queued" between runs).
    const recurring = page.getByTestId("recurring-job");
    await expect(recurring.filter({ hasText: "health.rescore_all" })).toContainText("1 h");
    await expect(recurring.filter({ hasText: "health.rescore_stale" })).toContainText("30 s");
    await expect(recurring.filter({ hasText: "jobs.prune" })).toContainText("1 day");
    await page.screenshot({ path: test.info().outputPath("webhooks-page.png"), fullPage: true });

    // Switched off, the endpoint says so, and its test button is disabled with the reason beside it.
    await endpointRow(page, hook.url)
      .getByRole("button", { name: `Disable ${hook.url}` })
      .click();
    await expect(endpointRow(page, hook.url)).toContainText("disabled");
    await expect(page.getByTestId("endpoint-notice")).toBeFocused();
    const testButton = endpointRow(page, hook.url).getByRole("button", { name: `Send test event to ${hook.url}` });
    await expect(testButton).toBeDisabled();
    await expect(endpointRow(page, hook.url)).toContainText("Enable it to send");
    await page.screenshot({ path: test.info().outputPath("webhooks-disabled.png") });
    expect((await axeViolations(page, "light")).filter(seriousOrCritical).map((v) => v.id)).toEqual([]);

    // The server decides: the same request a tab showing the endpoint still enabled would send (a
    // second tab does not stay stale: the page reads the server again while deliveries wait) is
    // refused, and nothing is queued.
    const replay = await page.request.post(testRequest.url(), {
      headers: await testRequest.allHeaders(),
      data: testRequest.postDataBuffer() ?? undefined,
    });
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain("The endpoint is disabled: enable it to send a test event.");
    await reloadHydrated(page);
    await expect(page.getByTestId("delivery-row").filter({ hasText: "webhook.test" })).toHaveCount(1);
    expect(hook.tests()).toHaveLength(1);

    await endpointRow(page, hook.url)
      .getByRole("button", { name: `Enable ${hook.url}` })
      .click();
    await expect(endpointRow(page, hook.url)).toContainText("enabled");
    await expect(testButton).toBeEnabled();
  } finally {
    await hook.close();
  }
});

test("a failed attempt is retried with backoff, and Replay sends the same webhook-id again", async ({ page }) => {
  // The first retry waits 5–10 s by the backoff; on a loaded CI machine the worker may be later.
  test.setTimeout(180_000);
  const hook = await receiver([500, 200]);
  try {
    await gotoHydrated(page, "/admin/webhooks");
    hook.useSecret(await addEndpoint(page, hook.url, "Flaky receiver (e2e)", ["cancel_session.completed"]));
    await endpointRow(page, hook.url).getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByTestId("action-notice")).toContainText("Test event queued");
    await expect.poll(() => hook.tests().length, { timeout: 45_000 }).toBe(1);
    const id = hook.tests()[0]?.id ?? "?";

    await openLog(page, hook.url);
    const delivery = page.getByTestId("delivery-row").filter({ hasText: id });
    // The log reads itself again while a delivery waits: the failure, then the retry's success.
    await expect(delivery).toContainText("pending");
    await expect(delivery).toContainText("500");
    await expect(delivery).toContainText("succeeded", { timeout: 60_000 });
    expect(hook.tests().map((r) => [r.id, r.verified])).toEqual([
      [id, true],
      [id, true],
    ]);

    // Opened from the keyboard, the delivery takes focus: Replay is one Tab away.
    await delivery.getByRole("link").first().focus();
    await page.keyboard.press("Enter");
    const detail = page.getByTestId("delivery-detail");
    await expect(detail).toContainText(id);
    await expect(detail.getByTestId("delivery-title")).toBeFocused();
    await page.keyboard.press("Tab");
    const replay = detail.getByRole("button", { name: "Replay" });
    await expect(replay).toBeFocused();
    const attempts = detail.getByTestId("attempt-row");
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(0)).toContainText("500");
    await expect(attempts.nth(0)).toContainText("the receiver is down for a moment");
    await expect(attempts.nth(1)).toContainText("200");
    // Times to the second: the retry's wait of 5–10 s shows between the two attempts.
    await expect(attempts.nth(0)).toContainText(/\d{2}:\d{2}:\d{2}/);
    await page.screenshot({ path: test.info().outputPath("webhooks-log-retry.png"), fullPage: true });

    // The header row stays put: the notice appears under it and takes focus.
    const before = await replay.boundingBox();
    await page.keyboard.press("Enter");
    await expect(detail).toContainText("Replay queued");
    await expect(detail.getByTestId("replay-notice")).toBeFocused();
    expect((await replay.boundingBox())?.y).toBe(before?.y);
    await detail.screenshot({ path: test.info().outputPath("webhooks-replay-notice.png") });
    await expect.poll(() => hook.tests().length, { timeout: 45_000 }).toBe(3);
    expect(hook.tests()[2]).toMatchObject({ id, verified: true });
    expect(hook.tests()[2]?.body).toEqual(hook.tests()[0]?.body);
    await expect(attempts).toHaveCount(3, { timeout: 45_000 });
    await expect(attempts.nth(2)).toContainText("replay");
    await expect(attempts.nth(2)).toContainText("200");
  } finally {
    await hook.close();
  }
});
