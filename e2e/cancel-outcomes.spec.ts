// What a finished cancel session leaves behind, end to end: the customer declines the offer and
// cancels on the page; the signed `cancel_session.completed` reaches the founder's endpoint (a
// receiver of the spec's own on 127.0.0.1, verified with standardwebhooks) with the session's wire
// form, the API reads the same session back, and the answer is on Reasons (in the customers' words)
// and on the account's timeline.
import { type Page, expect, test } from "@playwright/test";
import { accountPath } from "@/lib/account-path";
import type { WebhookBody } from "@/lib/types/webhooks";
import { startReceiver } from "@/test/webhook-receiver";
import { RETURN_URL, cancelLink } from "./cancel-page-helpers";
import { createApiKey, keyClient, unique } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

/** Adds an endpoint for cancel sessions only in Admin → Webhooks and returns its secret. */
async function addEndpoint(page: Page, url: string): Promise<string> {
  await gotoHydrated(page, "/admin/webhooks");
  const form = page.getByRole("form", { name: "New webhook endpoint" });
  await form.getByLabel("URL").fill(url);
  await form.getByLabel("Description").fill("Billing system (cancel outcomes e2e)");
  await form.getByRole("checkbox", { name: /account\.entered_queue/ }).setChecked(false);
  await form.getByRole("checkbox", { name: /cancel_session\.completed/ }).setChecked(true);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  return (await page.getByTestId("new-webhook-secret").innerText()).trim();
}

test("a cancelled session reaches the webhook, the API, Reasons and the account's timeline", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  const words = `e2e outcome ${unique()} the price doubled`;
  try {
    receiver.secret = await addEndpoint(page, `${receiver.url}?spec=${unique()}`);
    const key = await createApiKey(page, `e2e cancel outcomes ${unique()}`, ["ingest", "cancel", "read"]);
    const api = await keyClient(key);
    const link = await cancelLink(api);

    // The customer, signed out: "It costs too much", a few words, no to the discount, cancel.
    const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const tab = await customer.newPage();
    await tab.goto(link.path);
    await tab.getByRole("button", { name: "Continue", exact: true }).click();
    await tab.getByRole("radio", { name: "It costs too much" }).check();
    await tab.getByRole("button", { name: "Continue", exact: true }).click();
    await tab.getByRole("textbox").fill(words);
    await tab.getByRole("button", { name: "Continue", exact: true }).click();
    await tab.getByRole("button", { name: "No thanks, continue" }).click();
    await tab.getByRole("button", { name: "Cancel subscription" }).click();
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Your subscription is cancelled");
    const back = new URL((await tab.getByRole("link", { name: /^Return to / }).getAttribute("href")) ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_URL);
    expect(back.searchParams.get("outcome")).toBe("canceled");
    await customer.close();

    // The founder's endpoint: one signed event for this session, its data the API's wire form.
    const ours = () =>
      receiver.received.filter((r) => {
        const body = JSON.parse(r.body) as WebhookBody;
        return body.type === "cancel_session.completed" && JSON.stringify(body.data).includes(link.id);
      });
    await expect.poll(() => ours().length, { timeout: 60_000 }).toBe(1);
    const [event] = ours();
    expect(event?.verified, event?.verifyError ?? "").toBe(true);
    const body = JSON.parse(event?.body ?? "{}") as WebhookBody;
    expect(body.data).toMatchObject({
      id: link.id,
      accountExternalId: link.account,
      status: "canceled",
      reasonCode: "too_expensive",
      freeText: words,
      offer: { kind: "discount" },
    });
    const read = await api.get(`/api/v1/cancel-sessions/${link.id}`);
    expect(read.status()).toBe(200);
    expect(await read.json()).toEqual(body.data);
    await api.dispose();

    // Reasons, this month, searched for the customer's words: the answer under Price & value.
    const month = new Date().toISOString().slice(0, 7);
    await gotoHydrated(page, `/reasons?from=${month}&to=${month}&vq=${encodeURIComponent(words)}`);
    const answer = page.getByTestId("verbatim").filter({ hasText: words });
    await expect(answer).toHaveCount(1);
    await expect(answer).toContainText("Price & value");

    // The account's timeline names the answer and its words.
    await gotoHydrated(page, accountPath(link.account));
    await expect(page.getByText(words)).toBeVisible();
    await expect(page.getByText(/Cancel survey: .*canceled/).first()).toBeVisible();
  } finally {
    await receiver.close();
  }
});
