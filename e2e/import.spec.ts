// CSV import in the browser: upload, check the guessed columns, import behind a progress bar,
// and read the summary with the broken lines named.
import { expect, test } from "@playwright/test";
import { e2eBaseUrl } from "./env";
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
  // The first five rows, then the two bad ones with their reasons.
  await expect(page.getByTestId("import-preview").locator("tr")).toHaveCount(7);
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

test("the preview says on each bad row why, naming the field, before anything is sent; counts are grammatical", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  await gotoHydrated(page, "/import");
  // One good row and one without a name (line 3).
  const one = ["External ID,Company,Plan,Seats", `e2e-${stamp}-a,Preview Test A,growth,3`, `e2e-${stamp}-b,,growth,3`];
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(one.join("\n")) });
  await expect(page.getByText("(2 rows)")).toBeVisible();
  const preview = page.getByTestId("import-preview");
  const line = (n: number) =>
    preview.locator("tr", { has: page.locator("td:first-child", { hasText: new RegExp(`^${n}$`) }) });
  const bad = line(3);
  // Worded as the server words the same row when it is sent (nothing is written: it is refused).
  const answer = await page.request.post("/api/import/accounts", {
    headers: { origin: e2eBaseUrl() },
    data: { items: [{ externalId: `e2e-${stamp}-b`, plan: "growth", seatsPaid: 3 }] },
  });
  const { errors } = (await answer.json()) as { errors: { field: string; message: string }[] };
  expect(errors.map((e) => e.field)).toEqual(["name"]);
  await expect(bad).toContainText(`name: ${errors[0]?.message}`);
  await expect(page.getByText("1 row ready")).toBeVisible();
  await expect(page.getByText("1 row with a problem")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 1 row", exact: true })).toBeVisible();

  // A bad row past the first five is shown too, with its reason: seats that are not a number (line 9).
  const lines = ["External ID,Company,Plan,Seats"];
  for (let i = 1; i <= 9; i++) lines.push(`e2e-${stamp}-${i},Preview Test ${i},growth,${i}`);
  lines[8] = `e2e-${stamp}-8,Preview Test 8,growth,lots`;
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "nine.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await expect(page.getByText("(9 rows)")).toBeVisible();
  const late = line(9);
  await expect(late).toContainText("seatsPaid: Invalid input: expected number, received string");
  await expect(page.getByRole("button", { name: "Import 8 rows", exact: true })).toBeVisible();
});
