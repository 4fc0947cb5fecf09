// Data of a spec's own, so specs that change data never act on the demo set's rows or on each
// other's: accounts and answers sent through the ingestion API with a key an admin makes in the UI
// (one per worker), and queue items added from the account page, as a manager would.
import { randomUUID } from "node:crypto";
import {
  type APIRequestContext,
  type Browser,
  type Page,
  test as base,
  expect,
  request as playwrightRequest,
} from "@playwright/test";
import type { SEGMENTS } from "@/lib/values";
import { e2eBaseUrl } from "./env";
import { gotoHydrated, waitForHydration } from "./hydrated";
import { storageState } from "./users";

const DAY = 86_400_000;
type Segment = (typeof SEGMENTS)[number];
export const SIGNED_OUT = { cookies: [], origins: [] };

/** Eight characters that make a name unique across workers and runs. */
export function unique(): string {
  return randomUUID().slice(0, 8);
}

/** Makes an API key on the admin page (`page` signed in as an admin) and returns it, as shown once. */
export async function createApiKey(
  page: Page,
  name: string,
  scopes: ("ingest" | "read" | "cancel")[],
  perMinute?: number,
): Promise<string> {
  await gotoHydrated(page, "/admin/api-keys");
  await page.getByLabel("Name").fill(name);
  for (const scope of ["ingest", "read", "cancel"] as const) {
    const box = page.getByRole("checkbox", { name: scope });
    if (scopes.includes(scope)) await box.check();
    else await box.uncheck();
  }
  if (perMinute !== undefined) await page.getByLabel("Requests a minute").fill(String(perMinute));
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(key).toMatch(/^hf_/);
  return key;
}

/** An API client that sends `key` and no session. */
export function keyClient(key: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: e2eBaseUrl(),
    storageState: SIGNED_OUT,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
}

export interface OwnUser {
  email: string;
  name: string;
  /** The one-time password shown once when the user was made; their first sign-in changes it. */
  password: string;
}

/** A new cs user made by an admin in Admin → Users, as Holdfast's admins do. */
export async function createUser(browser: Browser, label: string): Promise<OwnUser> {
  const id = unique();
  const context = await browser.newContext({ baseURL: e2eBaseUrl(), storageState: storageState("admin") });
  const page = await context.newPage();
  await gotoHydrated(page, "/admin");
  const user = { email: `${label.toLowerCase().replace(/\W+/g, ".")}.${id}@holdfast.local`, name: `${label} ${id}` };
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("E-mail").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByRole("button", { name: "Create user" }).click();
  const shown = page.getByTestId("one-time-password");
  await expect(shown).toContainText(user.email);
  const password = ((await shown.locator("p.font-mono").textContent()) ?? "").trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await context.close();
  return { ...user, password };
}

/** Signs in with the form on /sign-in. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await gotoHydrated(page, "/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A new user's first sign-in: Holdfast asks for a password of their own before anything else, and
 * then opens the overview. Returns the password chosen.
 */
export async function firstSignIn(page: Page, user: OwnUser): Promise<string> {
  const chosen = `a passphrase of ${user.name}`;
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/account\/password$/);
  await waitForHydration(page);
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("New password again").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
  return chosen;
}

export interface OwnAccount {
  externalId: string;
  name: string;
  /** A plan no other account has: the metrics pages filter by it. */
  plan: string;
  segment: Segment;
}

export interface AccountOptions {
  /** A trial ending in this many days: the account goes to the conversion queue, else recovery. */
  trialEndsInDays?: number;
  /**
   * Enterprise by default: the demo set has few enterprise items in the queue, so a spec's own
   * rows are on the first page of a queue filtered by segment.
   */
  segment?: Segment;
}

/** Creates accounts, answers and queue items for one test. */
export class OwnData {
  constructor(
    private readonly api: APIRequestContext,
    private readonly browser: Browser,
  ) {}

  /**
   * One ingestion request. A keep-alive socket the server closes as the request goes out resets
   * (ECONNRESET); the request is sent again once under the same Idempotency-Key, so it is stored once.
   */
  private async send(path: string, items: unknown[]): Promise<void> {
    const options = { data: { items }, headers: { "Idempotency-Key": `e2e-${randomUUID()}` } };
    const response = await this.api.post(path, options).catch((error: unknown) => {
      if (!String(error).includes("ECONNRESET")) throw error;
      return this.api.post(path, options);
    });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  }

  /**
   * A new account with no subscription history (a trial has only its start): the customer and MRR
   * figures other specs compare with the demo set stay as they are.
   */
  async account(label: string, options: AccountOptions = {}): Promise<OwnAccount> {
    const id = unique();
    const account: OwnAccount = {
      externalId: `e2e-${id}`,
      name: `${label} ${id}`,
      plan: `e2e-plan-${id}`,
      segment: options.segment ?? "enterprise",
    };
    const trial = options.trialEndsInDays;
    await this.send("/api/v1/accounts", [
      {
        ...account,
        ...(trial === undefined ? {} : { trialEndsAt: new Date(Date.now() + trial * DAY).toISOString() }),
      },
    ]);
    if (trial !== undefined) {
      await this.send("/api/v1/subscription-events", [
        {
          accountExternalId: account.externalId,
          occurredAt: new Date(Date.now() - 7 * DAY).toISOString(),
          type: "trial_started",
        },
      ]);
    }
    return account;
  }

  /** Cancellation-survey answers of `account`, submitted over the last hours. */
  async answers(account: OwnAccount, texts: string[], reasonCode = "other"): Promise<void> {
    await this.send(
      "/api/v1/cancellations",
      texts.map((freeText, i) => ({
        accountExternalId: account.externalId,
        submittedAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
        reasonCode,
        freeText,
        outcome: "canceled",
      })),
    );
  }

  /** Puts `account` in the at-risk queue from its page, as a manager: the item is unassigned. */
  async queue(account: OwnAccount): Promise<void> {
    const context = await this.browser.newContext({ baseURL: e2eBaseUrl(), storageState: storageState("manager") });
    const page = await context.newPage();
    await gotoHydrated(page, `/accounts/${account.externalId}`);
    await page.getByRole("region", { name: "Triage" }).getByRole("button", { name: "Add to queue" }).click();
    await expect(page.getByTestId("action-notice")).toContainText(`${account.name} added to the queue.`);
    await context.close();
  }
}

// Playwright's fixture callback is named `provide` here: the React Hooks lint rule reads `use` as a hook.
export const test = base.extend<{ own: OwnData }, { ingestApi: APIRequestContext }>({
  ingestApi: [
    async ({ browser }, provide) => {
      const context = await browser.newContext({ baseURL: e2eBaseUrl(), storageState: storageState("admin") });
      const key = await createApiKey(await context.newPage(), `e2e worker ${unique()}`, ["ingest"]);
      await context.close();
      const api = await keyClient(key);
      await provide(api);
      await api.dispose();
    },
    { scope: "worker" },
  ],
  own: async ({ ingestApi, browser }, provide) => {
    await provide(new OwnData(ingestApi, browser));
  },
});

export { expect };
