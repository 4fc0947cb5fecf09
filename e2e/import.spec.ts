// CSV import in the browser: upload, check the guessed columns, import behind a progress bar,
// and read the summary with the broken lines named.
import { expect, test } from "@playwright/test";
import { gotoHydrated, reloadHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("manager") });

test("imports a CSV in chunks, watching the progress bar finish, with broken lines reported", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const lines = ["External ID,Company,Plan,Seats"];
  for (let i = 1; i <= 1200; i++) lines.push(`e2e-${stamp}-${i},Import Test ${i},growth,${i % 50}`);
  // Lines 102 and 1002 (header is line 1) are broken: an empty name and seats that are not a number.
  lines[101] = `e2e-${stamp}-101,,growth,3`;
  lines[1001] = `e2e-${stamp}-1001,Import Test 1001,growth,lots`;
  const csv = lines.join("\n");

  await gotoHydrated(page, "/import");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("1200 rows)")).toBeVisible();
  await expect(page.getByTestId("import-preview").locator("tr")).toHaveCount(5);
  await page.getByRole("button", { name: "Import 1198 rows" }).click();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toHaveAttribute("aria-valuemax", "1198");
  await expect(bar).toHaveAttribute("aria-valuenow", "1198");
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("Done: 1198 written (new or updated), 0 already there, 2 rows with problems.");
  await expect(page.getByTestId("import-errors").locator("tr")).toHaveCount(2);
  await expect(page.getByTestId("import-errors")).toContainText("102");
  await expect(page.getByTestId("import-errors")).toContainText("1002");

  // The same file again upserts the same accounts: still 1,198 of them.
  await reloadHydrated(page);
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import 1198 rows" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("Done: 1198 written");
  await page.goto(`/accounts?q=e2e-${stamp}-`);
  await expect(page.getByText("1,198 accounts match")).toBeVisible();
});
