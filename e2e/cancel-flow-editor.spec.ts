// Admin → Cancel flow end to end: an admin makes a targeted flow of their own (a copy of the
// default's content, for a plan no account has), changes a reason's offer and sees the preview
// change, saves it as version 2 and finds the change in words in the history; a wrong field is
// named beside it and nothing is saved; an unchanged save makes no version; Preview as account opens
// that account's page in a new tab with the preview banner; the list reorders and archives. Axe in
// both themes, and screenshots at 1440 px for the eyes.
import fs from "node:fs";
import { axeViolations, seriousOrCritical } from "./axe";
import { type Page, expect, test } from "@playwright/test";
import { generatePreset } from "@/db/seed/presets";
import { e2eAnchor } from "./env";
import { unique } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

const SHOTS = process.env.HOLDFAST_SHOTS;
const demoAccount = generatePreset("demo", 1, e2eAnchor()).accounts[5];

async function shoot(page: Page, name: string, fullPage = false) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function axe(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const v of (await axeViolations(page, scheme)).filter(seriousOrCritical))
      found.push(`${scheme}: ${v.id} — ${v.nodes[0]?.target.join(" ")}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}

/** Makes a targeted flow of the spec's own, for a plan no account has, and opens its editor. */
async function newFlow(page: Page, name: string): Promise<string> {
  await gotoHydrated(page, "/admin/cancel-flow");
  await page.getByRole("link", { name: "New targeted flow" }).click();
  const form = page.getByRole("form", { name: "Edit the cancel flow" });
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("New flow");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Plans").fill(`e2e-${unique()}`);
  await form.getByRole("button", { name: "Create the flow" }).click();
  await expect(page).toHaveURL(/flow=cf_/);
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  return new URL(page.url()).searchParams.get("flow") ?? "";
}

test("an admin starts an offer experiment, previews variant B, and ends it keeping B as a new version", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await newFlow(page, `E2E experiment ${unique()}`);
  const form = page.getByRole("form", { name: "Edit the cancel flow" });
  const experiment = form.getByRole("group", { name: "Offer experiment" });
  const preview = page.frameLocator('[data-testid="cancel-flow-preview"]');
  // A new flow runs none, whatever the default flow is trying.
  await expect(experiment).toContainText("No experiment runs on this flow.");
  await experiment.getByRole("button", { name: "Start an experiment" }).click();
  await expect(experiment.getByLabel("Reason it runs on")).toHaveValue("too_expensive");
  await expect(experiment).toContainText("Variant A keeps the reason’s own offer: discount 25 % for 3 months");
  const offerB = experiment.getByRole("group", { name: "Variant B’s offer" });
  await offerB.getByLabel("Percent off").fill("40");
  await experiment.getByLabel("Sessions shown variant B (%)").fill("30");

  // The preview shows either variant's offer for the reason.
  await page.getByLabel("Step").selectOption("offer");
  await page.getByLabel("For the reason").selectOption({ label: "It costs too much" });
  await expect(preview.getByText("25% off for 3 months")).toBeVisible();
  await experiment.getByRole("radio", { name: "Variant B" }).check();
  await expect(preview.getByText("40% off for 3 months")).toBeVisible();

  // A share outside 5–95 % is named beside its field and nothing is saved.
  await experiment.getByLabel("Sessions shown variant B (%)").fill("99");
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(experiment.getByText("The experiment's split must give each variant at least 5 %.")).toBeVisible();
  await experiment.getByLabel("Sessions shown variant B (%)").fill("30");
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("action-notice")).toContainText(
    "Saved as version 2: Started an experiment on “It costs too much”: variant B offers discount 40 % for 3 months to 30 % of sessions.",
  );

  // Running: no session has ended on it yet; the admin ends it keeping B.
  await page.reload();
  await expect(experiment).toContainText("No session of this version has ended yet");
  await experiment.getByRole("button", { name: "Keep B" }).click();
  await expect(experiment).toContainText("The experiment on “It costs too much” ends when you save");
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("action-notice")).toContainText(
    "Saved as version 3: Reason “It costs too much”: offer discount 25 % for 3 months → discount 40 % for 3 months; Ended the experiment on “It costs too much”, keeping variant B.",
  );
  await expect(experiment).toContainText("No experiment runs on this flow.");
  expect(await axe(page)).toEqual([]);
});

test("an admin changes a reason's offer, sees the preview change, saves version 2 and finds it in the history", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const name = `E2E flow ${unique()}`;
  await newFlow(page, name);
  const form = page.getByRole("form", { name: "Edit the cancel flow" });
  const preview = page.frameLocator('[data-testid="cancel-flow-preview"]');

  // The preview draws the customer's page: the reasons step first, with the flow's own labels.
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Why are you cancelling?");
  await page.getByLabel("Step").selectOption("offer");
  await page.getByLabel("For the reason").selectOption({ label: "It costs too much" });
  await expect(preview.getByText("25% off for 3 months")).toBeVisible();

  // The first reason ("It costs too much"): discount → pause; the preview follows as it changes.
  const reason = form
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "1. It costs too much" }) });
  await reason.getByLabel("Offer", { exact: true }).selectOption("pause");
  await expect(preview.getByText("Pause instead of cancelling")).toBeVisible();
  await expect(preview.getByRole("radio")).toHaveCount(3);
  await page.getByRole("button", { name: "Desktop 1024 px" }).click();
  await expect(page.getByTitle("Preview of the cancel page at desktop width")).toBeVisible();
  await shoot(page, "editor-desktop-preview");
  await page.getByRole("button", { name: "Phone 375 px" }).click();
  await shoot(page, "editor-phone-preview");

  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("action-notice")).toContainText(
    "Saved as version 2: Reason “It costs too much”: offer discount 25 % for 3 months → pause up to 3 months.",
  );
  const history = page.getByRole("list", { name: "Versions, newest first" });
  const newest = history.getByTestId("cf-version").first();
  await expect(newest).toContainText("Version 2");
  await expect(newest).toContainText("Current");
  await expect(newest).toContainText(
    "Reason “It costs too much”: offer discount 25 % for 3 months → pause up to 3 months",
  );
  await expect(history.getByTestId("cf-version").nth(1)).toContainText("Created");
  await page.getByRole("heading", { name: "Version history" }).evaluate((h) => h.scrollIntoView({ block: "start" }));
  await shoot(page, "history");

  // Saved again unchanged: no version 3.
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("action-notice")).toContainText("Nothing changed: no version was made.");
  await expect(history.getByTestId("cf-version")).toHaveCount(2);

  // Version 1 opens read-only, with the old offer in the editor and the preview.
  await history.getByRole("button", { name: "Open version 1 read-only" }).click();
  await expect(page).toHaveURL(/version=1/);
  await expect(page.getByText("Version 1 of 2, read-only.")).toBeVisible();
  const oldReason = form
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "1. It costs too much" }) });
  await expect(oldReason.getByLabel("Offer", { exact: true })).toHaveValue("discount");
  await expect(oldReason.getByLabel("Offer", { exact: true })).toBeDisabled();
  await expect(form.getByRole("button", { name: "Save as a new version" })).toHaveCount(0);
  expect(await axe(page)).toEqual([]);

  // Restore saves version 1 again as version 3, and the editor shows it as the current version.
  await history.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByText("Version 1 restored as version 3.")).toBeVisible();
  await expect(page).not.toHaveURL(/version=/);
  await expect(history.getByTestId("cf-version").first()).toContainText("Restored version 1");
  await expect(history.getByTestId("cf-version").first()).toContainText(
    "Reason “It costs too much”: offer pause up to 3 months → discount 25 % for 3 months",
  );
  const restored = form
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "1. It costs too much" }) });
  await expect(restored.getByLabel("Offer", { exact: true })).toHaveValue("discount");
  await expect(restored.getByLabel("Offer", { exact: true })).toBeEnabled();
});

test("a wrong field is named beside it, by the browser's check and the server's, and nothing is saved", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await newFlow(page, `E2E checks ${unique()}`);
  const form = page.getByRole("form", { name: "Edit the cancel flow" });
  const label = form.getByLabel("Label the customer reads").first();
  await label.fill("");
  await form.getByLabel("Accent colour", { exact: true }).fill("teal");
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("action-notice")).toContainText("Nothing was saved: 2 fields need a change");
  await expect(label).toHaveAttribute("aria-invalid", "true");
  // The first wrong field in the form's order takes the focus: the accent colour, above the reasons.
  await expect(form.getByLabel("Accent colour", { exact: true })).toBeFocused();
  await expect(form.getByText("The reason's label is required.")).toBeVisible();
  await expect(form.getByText("The accent colour must be #rrggbb.")).toBeVisible();
  await expect(page.getByTestId("cf-version")).toHaveCount(1);
  expect(await axe(page)).toEqual([]);
});

test("Preview as account opens that account's cancel page in a new tab, marked as a preview", async ({ page }) => {
  test.setTimeout(90_000);
  if (!demoAccount) throw new Error("the demo has accounts");
  await newFlow(page, `E2E preview ${unique()}`);
  const box = page.getByRole("region", { name: "Preview as account…" });
  await box.getByLabel("Account (name or external id)").fill(demoAccount.externalId);
  await box.getByRole("radio", { name: new RegExp(demoAccount.externalId) }).check();
  const [tab] = await Promise.all([
    page.waitForEvent("popup"),
    box.getByRole("button", { name: `Open the preview as ${demoAccount.name}` }).click(),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toMatch(/^\/cancel\/[^/]+$/);
  await expect(tab.getByText("Preview — nothing is recorded")).toBeVisible();
  await expect(tab.locator("body")).toContainText(/Before you go|Why are you cancelling/);
  await expect(page.getByTestId("action-notice")).toContainText(`Preview session started for ${demoAccount.name}`);
  await tab.close();
});

test("the list shows the order sessions try, moves a flow up and archives it; the default has neither", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const first = `E2E order A ${unique()}`;
  const second = `E2E order B ${unique()}`;
  await newFlow(page, first);
  await newFlow(page, second);
  await gotoHydrated(page, "/admin/cancel-flow");
  const rows = page.getByTestId("cf-row");
  const names = async () => (await rows.locator("td:nth-child(2) a").allTextContents()).map((s) => s.trim());
  // The default is listed last, with no move or archive.
  const last = rows.last();
  await expect(last).toContainText("Default");
  await expect(last.getByRole("button")).toHaveCount(0);
  const before = await names();
  expect(before.indexOf(second)).toBe(before.indexOf(first) + 1);
  await shoot(page, "list");

  await page.getByRole("button", { name: `Move ${second} up` }).click();
  await expect(page.getByTestId("action-notice")).toContainText(`Moved ${second} up.`);
  await expect.poll(async () => (await names()).indexOf(second)).toBe(before.indexOf(first));

  await page.getByRole("button", { name: `Archive ${second}` }).click();
  const dialog = page.getByRole("dialog", { name: `Archive “${second}”?` });
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("action-notice")).toContainText(`Archived ${second}.`);
  await expect(rows.filter({ hasText: second })).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
});

test("the page does not break at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoHydrated(page, "/admin/cancel-flow?flow=new");
  await expect(page.getByRole("form", { name: "Edit the cancel flow" })).toBeVisible();
  // The app's sidebar keeps its width; the editor beside it wraps and shrinks rather than push the
  // page sideways.
  // The preview's frame takes its width from a measurement after hydration: poll until it has.
  const wide = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`,
        ),
    );
  await expect.poll(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shoot(page, "editor-390", true);
});
