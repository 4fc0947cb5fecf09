// The small things: ⌘K / Ctrl-K to jump to an account, and Undo after a change (on queue items of
// the test's own); charts as PNG and as tables reached by keyboard.
import { generatePreset } from "@/db/seed/presets";
import { e2eAnchor } from "./env";
import { expect, test } from "./fixtures";
import { CHARTS, gotoHydrated, reloadHydrated, waitForCharts } from "./hydrated";
import { storageState } from "./users";

const target = generatePreset("demo", 1, e2eAnchor()).accounts[7];

test.use({ storageState: storageState("manager") });

test("Ctrl-K jumps to an account by its externalId, and to a page by its name", async ({ page }) => {
  await gotoHydrated(page, "/overview");
  await page.keyboard.press("Control+k");
  const box = page.getByRole("combobox", { name: "Search pages and accounts" });
  await expect(box).toBeFocused();
  await page.keyboard.type(target?.externalId ?? "");
  await expect(page.getByRole("option", { name: new RegExp(target?.name ?? "") })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${target?.externalId}$`));
  await expect(page.getByRole("heading", { name: target?.name })).toBeVisible();

  await page.keyboard.press("Control+k");
  await page.keyboard.type("cohorts");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cohorts$/);
});

test("a status change in the queue can be undone", async ({ page, own }) => {
  const account = await own.account("Status Undo", { trialEndsInDays: 10 });
  await own.queue(account);
  const { name } = account;
  await gotoHydrated(page, `/at-risk?tab=conversion&status=open&segment=${account.segment}`);
  const row = page.locator(`[data-testid="queue-row"][data-account="${account.externalId}"]`);
  await row.getByLabel(`Status of ${name}`).selectOption("dismissed");
  const notice = page.getByTestId("action-notice");
  await expect(notice).toContainText(`${name}: dismissed.`);
  // Out of the open items now, but it stays in place, showing its new status, until the cursor moves on.
  await expect(row.getByLabel(`Status of ${name}`)).toHaveValue("dismissed");
  await expect(row.getByTestId("leaving")).toBeVisible();
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toContainText(`${name} is back to open.`);
  await expect(row.getByLabel(`Status of ${name}`)).toHaveValue("open");
});

test("a chart downloads as a PNG image", async ({ page }) => {
  await gotoHydrated(page, "/overview");
  await waitForCharts(page, CHARTS["/overview"] ?? 1);
  const panel = page.getByRole("region", { name: "MRR movements" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "Download PNG" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("holdfast-mrr-movements.png");
  const path = await download.path();
  const bytes = (await import("node:fs")).readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(10_000);
});

test("taking an item and snoozing it can each be undone", async ({ page, own }) => {
  const account = await own.account("Take Undo", { trialEndsInDays: 10 });
  await own.queue(account);
  const { name } = account;
  await gotoHydrated(page, `/at-risk?tab=conversion&who=unassigned&segment=${account.segment}`);
  const notice = page.getByTestId("action-notice");
  const here = page.locator(`[data-testid="queue-row"][data-account="${account.externalId}"]`);

  await here.getByRole("button", { name: "Take" }).click();
  await expect(notice).toContainText(`${name} is assigned to you.`);
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toContainText(`${name} is back with nobody.`);
  await expect(here).toContainText("Unassigned");

  // The row carries the version the undo left, so snoozing straight away is not refused as stale.
  await here.getByRole("button", { name: "Snooze" }).click();
  const dialog = page.getByRole("dialog", { name: `Snooze ${name}` });
  await dialog.getByRole("button", { name: "A week" }).click();
  await dialog.getByRole("button", { name: "Snooze", exact: true }).click();
  await expect(notice).toContainText(`${name} snoozed until`);
  await expect(here).toContainText("snoozed until");
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toContainText(`${name} is back in the queue.`);
  await expect(here).not.toContainText("snoozed until");
  await reloadHydrated(page);
  await expect(here).toBeVisible();
});

/** Presses Tab until `target` has the focus: it must be reachable by keyboard alone. */
async function tabTo(page: import("@playwright/test").Page, target: import("@playwright/test").Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Not reached by ${max} presses of Tab`);
}

for (const [path, charts] of Object.entries(CHARTS)) {
  test(`every chart on ${path} opens its table from the keyboard`, async ({ page }) => {
    test.setTimeout(60_000);
    await gotoHydrated(page, path);
    // Drawn before tabbing: a chart arriving later would change the order of the tab stops.
    await waitForCharts(page, charts);
    const summaries = page.locator("summary", { hasText: "Table of the chart" });
    await expect(summaries).toHaveCount(charts);
    for (let i = 0; i < charts; i++) {
      const summary = summaries.nth(i);
      await tabTo(page, summary);
      await page.keyboard.press("Enter");
      const table = summary.locator("xpath=..").getByRole("table");
      await expect(table).toBeVisible();
      expect(await table.getByRole("row").count()).toBeGreaterThan(1);
    }
  });
}

test("the cohort triangle is one tab stop, walked with the arrow keys, Enter drilling through", async ({ page }) => {
  await gotoHydrated(page, "/cohorts");
  await waitForCharts(page, CHARTS["/cohorts"] ?? 1);
  const cells = page.locator("[data-cell]");
  await expect(cells.first()).toBeVisible();
  await expect(page.locator('[data-cell][tabindex="0"]')).toHaveCount(1);
  await tabTo(page, cells.first());
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-cell"));
  expect(await focused()).toBe("0:0");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toBe("1:2");
  await page.keyboard.press("Home");
  expect(await focused()).toBe("1:0");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page).toHaveURL(/drill=cohort%3A\d{4}-\d{2}%3A1|drill=cohort:\d{4}-\d{2}:1/);
});
