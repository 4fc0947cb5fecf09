// Admin → Taxonomy: Uncategorized holds the answers not yet filed, so it has no regrettable flag to
// show or to set (docs/metrics.md).
import { expect, test } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

test("Uncategorized reads 'not yet filed' and its edit form offers no regrettable flag", async ({ page }) => {
  await gotoHydrated(page, "/admin/taxonomy");
  const row = page.getByRole("row").filter({ has: page.getByText("Uncategorized", { exact: true }) });
  await expect(row).toContainText("Neither — not yet filed");
  await row.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("not yet filed");
  await expect(dialog.getByRole("checkbox", { name: /Regrettable by default/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  // Any other category still offers its flag.
  const other = page.getByRole("row").filter({ has: page.getByText("Price & value", { exact: true }) });
  await other.getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("dialog").getByRole("checkbox", { name: /Regrettable by default/ })).toBeChecked();
});
