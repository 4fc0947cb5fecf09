// No console error and no page error on any signed-in page, for readers in two locales and zones,
// each page loaded without the zone cookie (as a first visit is): the server renders in UTC, the
// browser reports its zone and the page is rendered again (components/providers/format-provider.tsx).
import { type ConsoleMessage, expect, test } from "@playwright/test";
import { TIME_ZONE_COOKIE } from "@/lib/locale";
import { CHARTS, gotoHydrated, waitForCharts } from "./hydrated";
import { SIGNED_IN_PAGES } from "./pages";
import { storageState } from "./users";

const PAGES = SIGNED_IN_PAGES;

const READERS = [
  { locale: "de-DE", timezoneId: "Europe/Berlin" },
  { locale: "en-US", timezoneId: "America/New_York" },
] as const;

for (const reader of READERS) {
  test(`no console or page error on any page for a reader in ${reader.locale}, ${reader.timezoneId}`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ storageState: storageState("admin"), ...reader });
    const page = await context.newPage();
    const errors: string[] = [];
    const where = () => new URL(page.url()).pathname + new URL(page.url()).search;
    page.on("console", (m: ConsoleMessage) => {
      if (m.type() === "error") errors.push(`${where()}: console: ${m.text().slice(0, 500)}`);
    });
    page.on("pageerror", (e) => errors.push(`${where()}: page error: ${e.message.slice(0, 500)}`));
    for (const path of PAGES) {
      // Every page as a first visit: no zone cookie, so the browser sets it and the page renders again.
      await context.clearCookies({ name: TIME_ZONE_COOKIE });
      await gotoHydrated(page, path);
      const charts = CHARTS[path.split("?")[0] ?? path];
      if (charts) await waitForCharts(page, charts);
      await expect
        .poll(async () => (await context.cookies()).find((c) => c.name === TIME_ZONE_COOKIE)?.value)
        .toBe(encodeURIComponent(reader.timezoneId));
      // The render that follows the cookie, and the chart code it may load.
      await page.waitForLoadState("networkidle");
    }
    await context.close();
    expect(errors).toEqual([]);
  });
}
