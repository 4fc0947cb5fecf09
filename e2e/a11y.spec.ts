// Accessibility: axe on every page (light and dark), no serious or critical violation.
import { expect, test } from "@playwright/test";
import { axeViolations, seriousOrCritical } from "./axe";
import { CHARTS, gotoHydrated, waitForCharts } from "./hydrated";
import { SIGNED_IN_PAGES } from "./pages";
import { storageState } from "./users";

const PAGES = [...SIGNED_IN_PAGES, "/api-docs"];

test.use({ storageState: storageState("admin") });

// Each page is loaded once and checked in both themes: the dark theme follows the system setting in
// CSS alone, so switching the emulated scheme restyles the page without a reload. One test per page,
// so the pages spread over the workers. The dark pass reads the colours only (e2e/axe.ts).

for (const path of PAGES) {
  test(`${path}: no serious or critical axe violation, light and dark`, async ({ page }) => {
    test.setTimeout(90_000);
    const found: string[] = [];
    await page.emulateMedia({ colorScheme: "light" });
    await gotoHydrated(page, path);
    // The charts are checked too: their code arrives after hydration.
    const charts = CHARTS[path];
    if (charts) await waitForCharts(page, charts);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator("html")).toHaveCSS("color-scheme", scheme === "dark" ? "dark" : /normal|light/);
      for (const v of (await axeViolations(page, scheme)).filter(seriousOrCritical)) {
        found.push(
          `${path} (${scheme}): ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.nodes[0]?.target.join(" ")} ${v.nodes[0]?.failureSummary?.split("\n")[1] ?? ""}`,
        );
      }
    }
    expect(found).toEqual([]);
  });
}
