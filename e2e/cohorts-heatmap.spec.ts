// The cohort triangle fits a 1440 px screen: all 24 ages of the default range in view, no sideways scroll.
import { expect, test } from "@playwright/test";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("cs"), viewport: { width: 1440, height: 900 } });

for (const view of ["logo", "revenue"] as const) {
  test(`at 1440 px the ${view} heatmap shows its last age without horizontal scroll`, async ({ page }) => {
    await gotoHydrated(page, `/cohorts?view=${view}`);
    const table = page.getByRole("table", { name: /retention by cohort/ });
    // The default range is 24 months: the oldest cohort has ages 0 to 23.
    const last = table.getByRole("columnheader", { name: "23", exact: true });
    await expect(last).toBeVisible();
    const scroller = await table.evaluate((t) => {
      const box = t.parentElement;
      return {
        box: box ? box.scrollWidth - box.clientWidth : 0,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(scroller).toEqual({ box: 0, page: 0 });
    const right = await last.evaluate((th) => th.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(1440);
    await expect(last).toBeInViewport({ ratio: 1 });
  });
}
