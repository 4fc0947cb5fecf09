// Alerts in the browser: the bell's unread count on every page and the inbox that marks read (one,
// then all); a manager previews, creates, switches off and deletes a rule of their own (one that
// assigns nobody, so the shared queue is untouched); notification settings say plainly that SMTP is
// not configured here, keep a choice across a reload, and hold a Slack URL to the webhooks' rules.
import { expect, test } from "@playwright/test";
import { unique } from "./fixtures";
import { gotoHydrated, reloadHydrated } from "./hydrated";
import { storageState } from "./users";

test.describe("the inbox", () => {
  test.use({ storageState: storageState("cs") });

  test("the bell counts the unread, and marking read (one, then all) brings it down to none", async ({ page }) => {
    await gotoHydrated(page, "/overview");
    const bell = page.getByTestId("notification-bell");
    await expect(bell).toHaveAccessibleName(/Notifications, (\d+ unread|none unread)/);
    await bell.click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    const unread = page.locator('[data-testid="notification"][data-unread="true"]');
    const before = await unread.count();
    // The demo's rules fired at load: the cs user's alerts wait unread (each run starts a new server).
    expect(before).toBeGreaterThan(0);
    await expect(page.getByTestId("unread-summary")).toHaveText(`${before} unread`);
    await unread
      .first()
      .getByRole("button", { name: /^Mark “.+” read$/ })
      .click();
    await expect(page.getByTestId("unread-summary")).toHaveText(
      before - 1 === 0 ? "All read." : `${before - 1} unread`,
    );
    await expect(bell).toHaveAccessibleName(
      before - 1 === 0 ? "Notifications, none unread" : `Notifications, ${before - 1} unread`,
    );
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(page.getByTestId("unread-summary")).toHaveText("All read.");
    await expect(bell).toHaveAccessibleName("Notifications, none unread");
    await expect(page.getByTestId("notification-count")).toHaveCount(0);
    // Each one still leads to its account.
    await page.getByTestId("notification").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/accounts\//);
  });
});

test.describe("alert rules", () => {
  test.use({ storageState: storageState("manager") });

  test("a manager previews a rule, creates it, turns it off and deletes it", async ({ page }) => {
    const name = `Cancelled on the page ${unique()}`;
    await gotoHydrated(page, "/alerts");
    await expect(page.getByTestId("alert-rule").first()).toBeVisible();
    await page.getByRole("button", { name: "New rule" }).click();
    const form = page.getByRole("form", { name: "New alert rule" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Condition").selectOption("cancel_canceled");
    await expect(form.getByTestId("rule-sentence")).toHaveText("A customer cancels on the cancel page.");
    await form.getByRole("radio", { name: "No one" }).check();
    await form.getByRole("checkbox", { name: "The assignee" }).uncheck();
    await form.getByLabel(/Follow up in/).fill("");
    await form.getByRole("checkbox", { name: "Every manager" }).check();
    await form.getByRole("button", { name: "Preview" }).click();
    await expect(form.getByTestId("rule-preview")).toContainText(/Would fire on \d+ accounts? now\./);
    await form.getByRole("button", { name: "Create rule" }).click();
    const rule = page.getByTestId("alert-rule").filter({ hasText: name });
    await expect(rule).toContainText("A customer cancels on the cancel page: notify every manager.");
    await rule.getByRole("button", { name: "Turn off" }).click();
    await expect(rule.getByRole("heading")).toContainText("(off)");
    page.once("dialog", (dialog) => void dialog.accept());
    await rule.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("alert-rule").filter({ hasText: name })).toHaveCount(0);
  });

  test("a rule that does nothing is refused with its reason", async ({ page }) => {
    await gotoHydrated(page, "/alerts");
    await page.getByRole("button", { name: "New rule" }).click();
    const form = page.getByRole("form", { name: "New alert rule" });
    await form.getByLabel("Name").fill(`Idle ${unique()}`);
    await form.getByRole("radio", { name: "No one" }).check();
    await form.getByRole("checkbox", { name: "The assignee" }).uncheck();
    await form.getByLabel(/Follow up in/).fill("");
    await form.getByRole("button", { name: "Create rule" }).click();
    // In the form's words, naming the part of the form to change.
    await expect(form.getByTestId("rule-refused")).toHaveText(
      "Then: the rule does nothing: assign, notify someone or post to Slack",
    );
  });
});

test.describe("notification settings", () => {
  test.use({ storageState: storageState("admin") });

  test("say plainly that SMTP is not configured, and keep a choice across a reload", async ({ page }) => {
    await gotoHydrated(page, "/account/notifications");
    await expect(page.getByTestId("smtp-missing")).toContainText("SMTP not configured.");
    await expect(page.getByRole("button", { name: "Send test e-mail" })).toBeDisabled();
    const followUps = page.getByRole("group", { name: "Follow-ups due" });
    await followUps.getByRole("radio", { name: "Off" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Notification settings saved.")).toBeVisible();
    await reloadHydrated(page);
    await expect(page.getByRole("group", { name: "Follow-ups due" }).getByRole("radio", { name: "Off" })).toBeChecked();
    // A Slack URL is held to the webhooks' URL rules.
    await page.getByLabel("Slack incoming-webhook URL").fill("ftp://hooks.example.com/x");
    await page.getByRole("button", { name: "Send test post" }).click();
    await expect(page.getByText(/URL must use (http or )?https\./)).toBeVisible();
    // Back to the default, for the next run on this server.
    await page
      .getByRole("group", { name: "Follow-ups due" })
      .getByRole("radio", { name: "In the daily digest" })
      .check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Notification settings saved.")).toBeVisible();
  });
});
