// The account list (search and filters in the URL) and an account page's history.
import { expect, test } from "@playwright/test";
import { generatePreset } from "@/db/seed/presets";
import { e2eAnchor } from "./env";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

const data = generatePreset("demo", 1, e2eAnchor());

test.use({ storageState: storageState("cs") });

test("searches accounts, keeps the search in the URL, and survives a reload", async ({ page }) => {
  const target = data.accounts[42];
  expect(target).toBeDefined();
  await gotoHydrated(page, "/accounts");
  await page.getByLabel("Search accounts").fill(target?.externalId ?? "");
  await expect(page).toHaveURL(new RegExp(`q=${target?.externalId}`));
  const rows = page.getByRole("table", { name: "Accounts" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(target?.name ?? "");
  await page.reload();
  await expect(page.getByLabel("Search accounts")).toHaveValue(target?.externalId ?? "");
  await expect(rows).toHaveCount(1);
});

test("an account page's timeline holds its subscription events and survey answers", async ({ page }) => {
  // An account that canceled after answering the survey.
  const answered = data.responses.find((r) => r.outcome === "canceled" && r.freeText);
  const account = data.accounts.find((a) => a.id === answered?.accountId);
  expect(account).toBeDefined();
  const events = data.events.filter((e) => e.accountId === account?.id);
  await page.goto(`/accounts/${account?.externalId}`);
  await expect(page.getByRole("heading", { name: account?.name })).toBeVisible();
  await expect(page.getByTestId("timeline").locator('[data-kind="subscription"]')).toHaveCount(events.length);
  await expect(page.getByText(answered?.freeText ?? "", { exact: true })).toBeVisible();
});

test("an unknown account answers 404", async ({ page }) => {
  const response = await page.goto("/accounts/cus_does_not_exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
