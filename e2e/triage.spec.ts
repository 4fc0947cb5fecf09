// The at-risk queue worked the way a CS agent works it: by keyboard, from the queue to the
// account page and back to Due today; a manager's bulk assign; a stale write caught with 409.
// Each test puts accounts of its own in the queue and finds them by their externalId.
import type { Browser, Page } from "@playwright/test";
import { type OwnAccount, expect, test } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

const DAY = 86_400_000;
const utcDay = (offset = 0) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** The same day as the pages show it to this spec's browser (en-US; see playwright.config.ts). */
const shownDay = (offset = 0) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${utcDay(offset)}T00:00:00Z`),
  );

const rowOf = (page: Page, account: OwnAccount) =>
  page.locator(`[data-testid="queue-row"][data-account="${account.externalId}"]`);

/** Moves the keyboard cursor to the row of `account`: up to the first row with k, then down with j. */
async function moveTo(page: Page, account: OwnAccount) {
  const row = rowOf(page, account);
  await expect(row).toBeVisible();
  const rows = page.getByTestId("queue-row");
  const target = await rows.evaluateAll(
    (trs, id) => trs.findIndex((tr) => tr.getAttribute("data-account") === id),
    account.externalId,
  );
  // The cursor row (the first one until a key moves it); k on the first row stays there and focuses it.
  const cursor = await rows.evaluateAll((trs) => trs.findIndex((tr) => tr.getAttribute("aria-selected") === "true"));
  expect(target).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= Math.max(0, cursor); i++) await page.keyboard.press("k");
  await expect(rows.first()).toBeFocused();
  for (let i = 0; i < target; i++) await page.keyboard.press("j");
  await expect(row).toBeFocused();
}

test.describe("as a cs agent", () => {
  test.use({ storageState: storageState("cs") });

  test("works an item by keyboard: assign, log a call, set status, timeline and Due", async ({ page, own }) => {
    const account = await own.account("Keyboard Works");
    await own.queue(account);
    const { name } = account;
    await gotoHydrated(page, `/at-risk?tab=recovery&segment=${account.segment}`);
    const row = rowOf(page, account);
    await expect(row).toContainText("Unassigned");

    await moveTo(page, account);
    await page.keyboard.press("a");
    await expect(page.getByTestId("action-notice")).toContainText(`${name} is assigned to you.`);
    await expect(row).toContainText("Casey Success");

    await row.focus();
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
    await expect(row).toContainText(shownDay(1));
    await expect(row.getByLabel(`Status of ${name}`)).toHaveValue("contacted");

    await row.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/accounts/${account.externalId}$`));
    await expect(page.getByTestId("triage-summary")).toContainText("Contacted");
    const status = page.getByRole("combobox", { name: /^Status/ });
    await status.focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("action-notice")).toContainText("Status set to in progress.");
    await expect(page.getByTestId("triage-summary")).toContainText("In progress");
    const calls = page.getByTestId("timeline").locator('[data-kind="outreach"]');
    await expect(calls).toHaveCount(1);
    await expect(calls).toContainText("Call by Casey Success");
    await expect(calls).toContainText("booked a demo");
    await expect(calls).toContainText(`Follow up on ${shownDay(1)}`);

    // Not due today; due on the follow-up day.
    await gotoHydrated(page, `/at-risk?tab=due&segment=${account.segment}`);
    await expect(page.getByRole("tab", { name: /Due today/ })).toHaveAttribute("aria-selected", "true");
    await expect(row).toHaveCount(0);
    await gotoHydrated(page, `/at-risk?tab=due&on=${utcDay(1)}&segment=${account.segment}`);
    await expect(row).toBeVisible();
  });

  test("snoozes an item out of the queue with s", async ({ page, own }) => {
    const account = await own.account("Snooze Key", { trialEndsInDays: 10 });
    await own.queue(account);
    await gotoHydrated(page, `/at-risk?tab=conversion&who=unassigned&segment=${account.segment}`);
    await moveTo(page, account);
    await page.keyboard.press("s");
    const dialog = page.getByRole("dialog", { name: /Snooze/ });
    await dialog.getByRole("button", { name: "A week" }).click();
    await dialog.getByRole("button", { name: "Snooze", exact: true }).click();
    await expect(page.getByTestId("action-notice")).toContainText(`snoozed until ${shownDay(7)}`);
    // It stays under the cursor, marked as leaving, until the cursor moves on or the page reloads.
    await expect(rowOf(page, account).getByTestId("leaving")).toBeVisible();
    await gotoHydrated(page, `/at-risk?tab=conversion&who=unassigned&segment=${account.segment}`);
    await expect(rowOf(page, account)).toHaveCount(0);
    await gotoHydrated(page, `/at-risk?tab=conversion&status=snoozed&segment=${account.segment}`);
    await expect(rowOf(page, account)).toBeVisible();
  });
});

/** The manager takes `account`'s item on its page: for the cs agent it is then a colleague's. */
async function managerTakes(browser: Browser, account: OwnAccount) {
  const context = await browser.newContext({ storageState: storageState("manager") });
  const page = await context.newPage();
  await gotoHydrated(page, `/accounts/${account.externalId}`);
  await page.getByRole("combobox", { name: /^Assignee/ }).selectOption({ label: "Max Manager (me)" });
  await expect(page.getByTestId("action-notice")).toContainText("Assigned to you.");
  await context.close();
}

test.describe("as a cs agent, keys bind to the item they start on", () => {
  test.use({ storageState: storageState("cs") });

  test("a then o in Unassigned logs the outreach on the item taken, not on the next row", async ({ page, own }) => {
    test.setTimeout(60_000);
    const taken = await own.account("Taken First", { trialEndsInDays: 10 });
    const next = await own.account("Next In Line", { trialEndsInDays: 11 });
    await own.queue(taken);
    await own.queue(next);
    await gotoHydrated(page, `/at-risk?tab=conversion&who=unassigned&segment=${taken.segment}`);
    await expect(rowOf(page, next)).toBeVisible();
    await moveTo(page, taken);
    await page.keyboard.press("a");
    await expect(page.getByTestId("action-notice")).toContainText(`${taken.name} is assigned to you.`);
    await page.keyboard.press("o");
    const dialog = page.getByRole("dialog", { name: `Log outreach to ${taken.name}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("What happened").fill("Called them right after taking the item.");
    await dialog.getByRole("button", { name: "Log outreach" }).click();
    await expect(page.getByTestId("action-notice")).toContainText(`Outreach to ${taken.name} logged.`);
    // The taken row no longer belongs in Unassigned, but stays under the cursor until it moves on.
    await expect(rowOf(page, taken)).toContainText("Casey Success");
    await expect(rowOf(page, taken).getByLabel(`Status of ${taken.name}`)).toHaveValue("contacted");
    await page.keyboard.press("j");
    await expect(rowOf(page, taken)).toHaveCount(0);

    const calls = page.getByTestId("timeline").locator('[data-kind="outreach"]');
    await gotoHydrated(page, `/accounts/${taken.externalId}`);
    await expect(calls).toHaveCount(1);
    await gotoHydrated(page, `/accounts/${next.externalId}`);
    await expect(calls).toHaveCount(0);
  });

  test("take then log at once: the row shows the take, Contacted and today's contact right after", async ({
    page,
    own,
  }) => {
    const account = await own.account("Take Then Log");
    await own.queue(account);
    await gotoHydrated(page, `/at-risk?tab=recovery&segment=${account.segment}`);
    // The take's request leaves late, so o comes while it is on its way, as a fast typist's does.
    let first = true;
    await page.route("**/at-risk**", async (route) => {
      if (first && route.request().method() === "POST") {
        first = false;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
      await route.continue();
    });
    await moveTo(page, account);
    await page.keyboard.press("a");
    await page.keyboard.press("o");
    const dialog = page.getByRole("dialog", { name: `Log outreach to ${account.name}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("What happened").fill("Reached their admin straight away.");
    await dialog.getByRole("button", { name: "Log outreach" }).click();
    await expect(page.getByTestId("action-notice")).toContainText(`Outreach to ${account.name} logged.`);
    const row = rowOf(page, account);
    await expect(row).toContainText("Casey Success");
    await expect(row.getByLabel(`Status of ${account.name}`)).toHaveValue("contacted");
    await expect(row).toContainText(`Last ${shownDay(0)}`);
  });

  test("on a colleague's item: outreach is logged and changes nothing of theirs; take, snooze and status are not offered", async ({
    page,
    browser,
    own,
  }) => {
    test.setTimeout(60_000);
    const account = await own.account("Colleague Item");
    await own.queue(account);
    await managerTakes(browser, account);
    const { name } = account;
    await gotoHydrated(page, `/at-risk?tab=recovery&segment=${account.segment}`);
    const row = rowOf(page, account);
    await expect(row).toContainText("Max Manager");
    await moveTo(page, account);
    await page.keyboard.press("o");
    const dialog = page.getByRole("dialog", { name: `Log outreach to ${name}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("What happened").fill("Met their CFO at the conference; they are evaluating.");
    await dialog.getByRole("button", { name: "Log outreach" }).click();
    const notice = page.getByTestId("action-notice");
    await expect(notice).toContainText(`Outreach to ${name} logged.`);
    await expect(row).toContainText(`Last ${shownDay(0)}`);
    await expect(row).toContainText("Max Manager");
    await expect(row.getByLabel(`Status of ${name}`)).toHaveValue("open");
    await expect(row.getByLabel(`Status of ${name}`)).toBeDisabled();
    await expect(row.getByRole("button", { name: "Take" })).toHaveCount(0);
    await expect(row.getByRole("button", { name: "Snooze" })).toHaveCount(0);
    await expect(row.getByRole("button", { name: "Log" })).toBeVisible();

    // s and a are not sent: the notice says whose item it is.
    await row.focus();
    await page.keyboard.press("s");
    await expect(notice).toContainText(`${name} is Max Manager’s`);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.keyboard.press("a");
    await expect(notice).toContainText(`${name} is Max Manager’s`);
    await expect(row).toContainText("Max Manager");
    // The notice speaks of a row of this view: another tab is another view, and it goes.
    await page.getByRole("tab", { name: /Conversion/ }).click();
    await expect(page).toHaveURL(/tab=conversion/);
    await expect(notice).toHaveCount(0);

    await gotoHydrated(page, `/accounts/${account.externalId}`);
    const triage = page.getByRole("region", { name: "Triage" });
    await expect(triage.getByRole("combobox", { name: /^Status/ })).toBeDisabled();
    await expect(triage.getByRole("button", { name: "Snooze…" })).toBeDisabled();
    await expect(triage.getByRole("button", { name: "Log outreach…" })).toBeEnabled();
    await expect(page.getByTestId("timeline").locator('[data-kind="outreach"]')).toContainText("Met their CFO");
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: storageState("manager") });

  test("bulk-assigns selected items to a cs agent", async ({ page, own }) => {
    const picked = [
      await own.account("Bulk One", { trialEndsInDays: 10 }),
      await own.account("Bulk Two", { trialEndsInDays: 10 }),
    ];
    for (const account of picked) await own.queue(account);
    await gotoHydrated(page, "/at-risk?tab=conversion&who=unassigned&segment=enterprise");
    for (const account of picked) {
      await moveTo(page, account);
      await page.keyboard.press("x");
    }
    const bar = page.getByRole("region", { name: "Bulk assign" });
    await expect(bar).toContainText("2 selected");
    await bar.getByLabel("Assign the selected items to").selectOption({ label: "Casey Success" });
    await bar.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByTestId("action-notice")).toContainText("2 items assigned to Casey Success.");
    await gotoHydrated(page, "/at-risk?tab=conversion&who=all&segment=enterprise");
    for (const account of picked) await expect(rowOf(page, account)).toContainText("Casey Success");
  });

  test("puts an account from a drill-through list in the queue", async ({ page, own }) => {
    // The reasons of this account's plan: one answer, filed under Price & value by its code.
    const account = await own.account("Drill Queue");
    await own.answers(account, ["Too dear for what we use."], "too_expensive");
    const month = new Date().toISOString().slice(0, 7);
    await gotoHydrated(page, `/reasons?from=2024-01&to=${month}&plan=${account.plan}&drill=reasons:price-value`);
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("drill-count")).toHaveText("1 account");
    await dialog.getByRole("button", { name: `Add ${account.name} to the queue` }).click();
    await expect(dialog.getByTestId("drill-queued")).toHaveText("1 added to the at-risk queue.");
    await gotoHydrated(page, `/accounts/${account.externalId}`);
    await expect(page.getByTestId("triage-summary")).toContainText("In the recovery queue");
  });

  test("a stale change is refused with who changed it, and a reload shows their change", async ({ browser, own }) => {
    const account = await own.account("Stale Change");
    await own.queue(account);
    const first = await browser.newPage({ storageState: storageState("manager") });
    const second = await browser.newPage({ storageState: storageState("admin") });
    await gotoHydrated(first, `/accounts/${account.externalId}`);
    await gotoHydrated(second, `/accounts/${account.externalId}`);
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
