// A new installation: every page without data says what it needs and shows the exact requests to
// send; the commands it shows, sent as printed with a key made in the UI, fill the pages in.
import { axeViolations, seriousOrCritical } from "./axe";
import { type Page, expect, test } from "@playwright/test";
import { waitForHealth } from "@/scripts/serve";
import { readCurl } from "@/test/curl";
import { EMPTY_ADMIN, e2eEmptyUrl } from "./env";
import { gotoHydrated } from "./hydrated";

test.use({ baseURL: e2eEmptyUrl(), storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const EMPTY_PAGES = ["/overview", "/cohorts", "/reasons", "/at-risk", "/accounts"];

async function signIn(page: Page) {
  expect(await waitForHealth(e2eEmptyUrl())).toBe(true);
  await gotoHydrated(page, "/sign-in");
  await page.locator("#email").fill(EMPTY_ADMIN.email);
  await page.locator("#password").fill(EMPTY_ADMIN.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

async function commandsOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const box = page.getByTestId("no-data");
  await expect(box).toBeVisible();
  return box.locator("pre").allInnerTexts();
}

test("every page of an empty installation says how to send data, accessibly", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  const found: string[] = [];
  for (const path of EMPTY_PAGES) {
    const commands = await commandsOn(page, path);
    // The accounts first, then what the page needs, addressed to this very server.
    expect(commands[0]).toContain(`curl -X POST ${e2eEmptyUrl()}/api/v1/accounts`);
    expect(commands.length).toBe(2);
    await expect(page.getByTestId("no-data").getByRole("link", { name: "Admin → API keys" })).toBeVisible();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const v of (await axeViolations(page, scheme)).filter(seriousOrCritical))
        found.push(`${path} (${scheme}): ${v.id}`);
    }
  }
  expect(found).toEqual([]);
});

test("the commands shown, sent as printed, fill the overview and the reasons in", async ({ page, request }) => {
  await signIn(page);
  await gotoHydrated(page, "/admin/api-keys");
  await page.getByLabel("Name").fill("Billing sync");
  await page.getByRole("checkbox", { name: "ingest" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();

  const send = async (command: string) => {
    const { url, headers, body } = readCurl(command, key);
    const response = await request.post(url, { headers, data: body });
    expect(response.status(), await response.text()).toBe(200);
  };
  for (const command of await commandsOn(page, "/overview")) await send(command);
  await page.reload();
  await expect(page.getByTestId("no-data")).toHaveCount(0);
  // The example: one account, converted at $49.00 a month and not canceled.
  await expect(page.getByTestId("overview-customers")).toHaveText("1");
  await expect(page.getByTestId("overview-mrr")).toHaveText("$49");

  const [, cancellations = ""] = await commandsOn(page, "/reasons");
  await send(cancellations);
  await page.reload();
  await expect(page.getByTestId("no-data")).toHaveCount(0);
  await expect(page.getByText("We can't justify the price for a team of three.")).toBeVisible();
});
