// The at-risk queue worked the way a CS agent works it: by keyboard, from the queue to the
// account page and back to Due today; a manager's bulk assign; a stale write caught with 409.
import { type Page, expect, test } from "@playwright/test";
import { storageState } from "./users";

const DAY = 86_400_000;
const utcDay = (offset = 0) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** The same day as the pages show it to this spec's browser (en-US; see playwright.config.ts). */
const shownDay = (offset = 0) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${utcDay(offset)}T00:00:00Z`),
  );

/** Moves the keyboard cursor to the row of the queue at `index` with j (and back with k). */
async function moveTo(page: Page, index: number) {
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  for (let i = 0; i < index; i++) await page.keyboard.press("j");
  await expect(page.getByTestId("queue-row").nth(index)).toBeFocused();
}

test.describe.configure({ mode: "serial" });

test.describe("as a cs agent", () => {
  test.use({ storageState: storageState("cs") });

  test("works an item by keyboard: assign, log a call, set status, timeline and Due", async ({ page }) => {
    await page.goto("/at-risk");
    const rows = page.getByTestId("queue-row");
    await expect(rows.first()).toBeVisible();
    // The first unassigned recovery item.
    const unassigned = await rows.evaluateAll((trs) => trs.findIndex((tr) => tr.textContent?.includes("Unassigned")));
    expect(unassigned).toBeGreaterThanOrEqual(0);
    const row = rows.nth(unassigned);
    const account = (await row.getAttribute("data-account")) ?? "";
    const name = (await row.getByRole("link").textContent()) ?? "";

    await moveTo(page, unassigned);
    await page.keyboard.press("a");
    await expect(page.getByTestId("action-notice")).toContainText(`${name} is assigned to you.`);
    const mine = page.locator(`[data-account="${account}"]`);
    await expect(mine).toContainText("Casey Success");

    await mine.focus();
    await page.keyboard.press("o");
    const dialog = page.getByRole("dialog", { name: `Log outreach to ${name}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Channel")).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.type("Called their admin: the team moved to a spreadsheet; booked a demo.");
    await dialog.getByRole("button", { name: "Tomorrow" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog.getByLabel("Follow-up date")).toHaveValue(utcDay(1));
    await dialog.getByLabel(/Outcome/).focus();
    await page.keyboard.type("Demo booked");
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("action-notice")).toContainText(`follow up on ${shownDay(1)}`);
    await expect(mine).toContainText(shownDay(1));
    await expect(mine.getByLabel(`Status of ${name}`)).toHaveValue("contacted");

    await mine.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/accounts/${account}$`));
    await expect(page.getByTestId("triage-summary")).toContainText("Contacted");
    const status = page.getByRole("combobox", { name: /^Status/ });
    await status.focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("action-notice")).toContainText("Status set to in progress.");
    await expect(page.getByTestId("triage-summary")).toContainText("In progress");
    const call = page.getByTestId("timeline").locator('[data-kind="outreach"]').first();
    await expect(call).toContainText("Call by Casey Success");
    await expect(call).toContainText("booked a demo");
    await expect(call).toContainText(`Follow up on ${shownDay(1)}`);

    // Not due today; due on the follow-up day.
    await page.goto("/at-risk?tab=due");
    await expect(page.locator(`[data-account="${account}"]`)).toHaveCount(0);
    await page.goto(`/at-risk?tab=due&on=${utcDay(1)}`);
    await expect(page.locator(`[data-account="${account}"]`)).toBeVisible();
    await expect(page.getByRole("tab", { name: /Due today/ })).toHaveAttribute("aria-selected", "true");
  });

  test("snoozes an item out of the queue with s", async ({ page }) => {
    await page.goto("/at-risk?tab=conversion&who=unassigned");
    const rows = page.getByTestId("queue-row");
    await expect(rows.first()).toBeVisible();
    const account = (await rows.first().getAttribute("data-account")) ?? "";
    await moveTo(page, 0);
    await page.keyboard.press("s");
    const dialog = page.getByRole("dialog", { name: /Snooze/ });
    await dialog.getByRole("button", { name: "A week" }).click();
    await dialog.getByRole("button", { name: "Snooze", exact: true }).click();
    await expect(page.getByTestId("action-notice")).toContainText(`snoozed until ${shownDay(7)}`);
    await expect(page.locator(`[data-account="${account}"]`)).toHaveCount(0);
    await page.goto("/at-risk?tab=conversion&status=snoozed");
    await expect(page.locator(`[data-account="${account}"]`)).toBeVisible();
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: storageState("manager") });

  test("bulk-assigns selected items to a cs agent", async ({ page }) => {
    await page.goto("/at-risk?tab=conversion&who=unassigned");
    const rows = page.getByTestId("queue-row");
    await expect(rows.nth(1)).toBeVisible();
    const picked = [await rows.nth(0).getAttribute("data-account"), await rows.nth(1).getAttribute("data-account")];
    await moveTo(page, 0);
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    const bar = page.getByRole("region", { name: "Bulk assign" });
    await expect(bar).toContainText("2 selected");
    await bar.getByLabel("Assign the selected items to").selectOption({ label: "Casey Success" });
    await bar.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByTestId("action-notice")).toContainText("2 items assigned to Casey Success.");
    await page.goto("/at-risk?tab=conversion&who=all");
    for (const a of picked) await expect(page.locator(`[data-account="${a}"]`)).toContainText("Casey Success");
  });

  test("puts an account from a drill-through list in the queue", async ({ page }) => {
    const anchor = new Date(`${process.env.E2E_ANCHOR}T00:00:00Z`);
    const lastMonth = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    await page.goto(`/overview?drill=churned:${lastMonth}`);
    const rows = page.getByTestId("drill-rows").locator("tr");
    await expect(rows.first()).toBeVisible();
    const link = rows.first().getByRole("link");
    const name = (await link.textContent()) ?? "";
    const href = (await link.getAttribute("href")) ?? "";
    await rows
      .first()
      .getByRole("button", { name: `Add ${name} to the queue` })
      .click();
    await expect(page.getByTestId("drill-queued")).toHaveText("1 added to the at-risk queue.");
    await page.goto(href);
    await expect(page.getByTestId("triage-summary")).toContainText("In the recovery queue");
  });

  test("a stale change is refused with who changed it, and a reload shows their change", async ({ browser }) => {
    const first = await browser.newPage({ storageState: storageState("manager") });
    const second = await browser.newPage({ storageState: storageState("admin") });
    await first.goto("/at-risk?status=open");
    const account = (await first.getByTestId("queue-row").first().getAttribute("data-account")) ?? "";
    await first.goto(`/accounts/${account}`);
    await second.goto(`/accounts/${account}`);
    await second.getByRole("combobox", { name: /^Status/ }).selectOption("in_progress");
    await expect(second.getByTestId("action-notice")).toContainText("Status set to in progress.");
    // The first page still holds the old version.
    await first.getByRole("combobox", { name: /^Status/ }).selectOption("dismissed");
    const notice = first.getByTestId("action-notice");
    await expect(notice).toContainText("Ada Admin changed this item");
    await expect(notice).toContainText("nothing of yours was saved");
    await notice.getByRole("button", { name: "Reload" }).click();
    await expect(first.getByTestId("triage-summary")).toContainText("In progress");
    await first.close();
    await second.close();
  });
});
