// The at-risk queue fits a laptop screen: at 1280 and 1440 px wide, as a manager (with the select
// column) and as a cs agent, no element overflows sideways and every column header is in view.
import { expect, test } from "@playwright/test";
import { gotoHydrated } from "./hydrated";
import { type E2eRole, storageState } from "./users";

const WIDTHS = [1280, 1440];
const ROLES: E2eRole[] = ["manager", "cs"];

for (const role of ROLES) {
  for (const width of WIDTHS) {
    test.describe(`as ${role} at ${width} px`, () => {
      test.use({ storageState: storageState(role), viewport: { width, height: 900 } });

      for (const tab of ["recovery", "conversion"]) {
        test(`the ${tab} queue fits: nothing overflows, every column header is in view`, async ({ page }) => {
          await gotoHydrated(page, `/at-risk?tab=${tab}`);
          await expect(page.getByTestId("queue-row").first()).toBeVisible();
          const page1 = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          expect(page1.scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(page1.clientWidth);
          // A box that scrolls (or clips) its content sideways hides part of the table all the same.
          const clipped = await page.evaluate(() =>
            Array.from(document.querySelectorAll("main *"))
              .filter((el) => !["SELECT", "INPUT", "TEXTAREA", "OPTION"].includes(el.tagName))
              // Text for screen readers only is clipped to 1 px on purpose.
              .filter((el) => el.clientWidth > 1)
              .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
              .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`),
          );
          expect(clipped, "elements whose content overflows sideways").toEqual([]);
          const heads = page.getByTestId("queue-table").locator("th");
          const count = await heads.count();
          expect(count).toBeGreaterThan(5);
          for (let i = 0; i < count; i++) {
            const head = heads.nth(i);
            const box = await head.boundingBox();
            const label = (await head.innerText()).trim() || `column ${i + 1}`;
            expect(box, `${label} has a box`).not.toBeNull();
            if (!box) continue;
            expect(box.x, `${label} starts in view`).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width, `${label} ends in view`).toBeLessThanOrEqual(width);
          }
        });
      }
    });
  }
}
