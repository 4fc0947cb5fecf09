// Accessibility: axe on every page (light and dark), no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CHARTS, gotoHydrated, waitForCharts } from "./hydrated";
import { SIGNED_IN_PAGES } from "./pages";
import { storageState } from "./users";

const PAGES = [...SIGNED_IN_PAGES, "/api-docs"];

test.use({ storageState: storageState("admin") });

for (const scheme of ["light", "dark"] as const) {
  test(`no serious or critical axe violation on any page (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    for (const path of PAGES) {
      await gotoHydrated(page, path);
      // The charts are checked too: their code arrives after hydration.
      const charts = CHARTS[path];
      if (charts) await waitForCharts(page, charts);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of result.violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
        found.push(
          `${path}: ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.nodes[0]?.target.join(" ")} ${v.nodes[0]?.failureSummary?.split("\n")[1] ?? ""}`,
        );
      }
    }
    expect(found).toEqual([]);
  });
}
