// The customer's cancel page in the e2e specs: sessions made as the customer's backend makes them
// (POST /api/v1/cancel-sessions with a key of the cancel scope) for accounts of the spec's own, and
// moving through the page by mouse or by keyboard alone.
import { type APIRequestContext, type Locator, type Page, test as base, expect } from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { createApiKey, keyClient, unique } from "./fixtures";
import { storageState } from "./users";

export const RETURN_URL = "https://app.example.com/billing";

/**
 * Playwright's test with `cancelApi`: a client with a key of the ingest and cancel scopes, made once
 * per worker by an admin in the UI. (The fixture callback is named `provide`: the React Hooks lint
 * rule reads `use` as a hook.)
 */
export const cancelTest = base.extend<object, { cancelApi: APIRequestContext }>({
  cancelApi: [
    async ({ browser }, provide) => {
      // JavaScript on whatever the test asking first uses: the key is made in the admin's page.
      const context = await browser.newContext({
        baseURL: e2eBaseUrl(),
        storageState: storageState("admin"),
        javaScriptEnabled: true,
      });
      const key = await createApiKey(await context.newPage(), `e2e cancel ${unique()}`, ["ingest", "cancel"]);
      await context.close();
      const api = await keyClient(key);
      await provide(api);
      await api.dispose();
    },
    { scope: "worker" },
  ],
});

export interface CancelLink {
  id: string;
  /** The page's path, `/cancel/<token>`. */
  path: string;
  expiresAt: string;
  account: string;
}

/**
 * A new smb account (so the demo's default flow matches it) with `seats` seats and, when asked,
 * activity of `users` people on three features over the last days; then a session for it.
 */
export async function cancelLink(
  api: APIRequestContext,
  options: { seats?: number; users?: number; locale?: string; plan?: string } = {},
): Promise<CancelLink> {
  const account = `e2e-cancel-${unique()}`;
  const accounts = await api.post("/api/v1/accounts", {
    data: {
      items: [
        {
          externalId: account,
          name: `Cancel ${account}`,
          segment: "smb",
          seatsPaid: options.seats ?? 10,
          ...(options.plan ? { plan: options.plan } : {}),
        },
      ],
    },
  });
  expect(accounts.status(), await accounts.text()).toBe(200);
  const users = options.users ?? 0;
  if (users > 0) {
    const day = 86_400_000;
    const features = ["Dashboards", "Alerts", "Exports"];
    const items = Array.from({ length: users * 3 }, (_, i) => ({
      accountExternalId: account,
      userRef: `user-${i % users}`,
      feature: features[i % 3 === 0 ? 0 : i % 2 === 0 ? 1 : 2],
      occurredAt: new Date(Date.now() - ((i % 5) + 1) * day).toISOString(),
    }));
    const activity = await api.post("/api/v1/activity", { data: { items } });
    expect(activity.status(), await activity.text()).toBe(200);
  }
  const response = await api.post("/api/v1/cancel-sessions", {
    data: { accountExternalId: account, returnUrl: RETURN_URL, locale: options.locale ?? "en-US" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("id" in body) || !("url" in body) || !("expiresAt" in body))
    throw new Error(`Unexpected answer: ${JSON.stringify(body)}`);
  const { id, url, expiresAt } = body;
  if (typeof id !== "string" || typeof url !== "string" || typeof expiresAt !== "string")
    throw new Error(`Unexpected answer: ${JSON.stringify(body)}`);
  return { id, path: new URL(url).pathname, expiresAt, account };
}

export type Input = "mouse" | "keyboard";

/** Presses Tab until `target` has the focus (at most 40 times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Presses a button: a click, or Tab to it and Enter. */
export async function press(page: Page, how: Input, name: string | RegExp): Promise<void> {
  const button = page.getByRole("button", { name, exact: typeof name === "string" });
  if (how === "mouse") return button.click();
  await tabTo(page, button);
  await page.keyboard.press("Enter");
}

/** Chooses a radio by its label: a click on the label, or Tab into the group, arrows, then Space. */
export async function choose(page: Page, how: Input, label: string | RegExp): Promise<void> {
  const radio = page.getByRole("radio", { name: label });
  if (how === "mouse") return radio.check();
  // Tab reaches the group's first radio; arrow keys move (and check) within it.
  const first = page.getByRole("radio").first();
  await tabTo(page, first);
  for (let i = 0; i < 12 && !(await radio.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(radio).toBeChecked();
}

/** Types into a field: a click then typing, or Tab to it then typing. */
export async function typeInto(page: Page, how: Input, field: Locator, text: string): Promise<void> {
  if (how === "mouse") await field.click();
  else await tabTo(page, field);
  await page.keyboard.type(text);
}
