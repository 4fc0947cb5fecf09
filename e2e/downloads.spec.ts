// Every chart's "Download CSV" gives the CSV for people: money in currency units with the currency
// code in the header, rates as percentages, at most two decimals, no cents, no locale separators.
import { parse } from "csv-parse/sync";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("cs"), locale: "de-DE", timezoneId: "Europe/Berlin" });

for (const path of ["/overview", "/cohorts", "/cohorts?view=revenue", "/reasons"]) {
  test(`the download buttons on ${path} give CSV for people`, async ({ page }) => {
    await gotoHydrated(page, path);
    const buttons = page.getByRole("main").getByText("Download CSV", { exact: true });
    await expect(buttons.first()).toBeVisible();
    const count = await buttons.count();
    const problems: string[] = [];
    for (let i = 0; i < count; i++) {
      const [download] = await Promise.all([page.waitForEvent("download"), buttons.nth(i).click()]);
      const file = await download.path();
      const rows = parse(fs.readFileSync(file, "utf8")) as string[][];
      const [header = [], ...body] = rows;
      const name = download.suggestedFilename();
      if (header.some((h) => /cents/i.test(h))) problems.push(`${name}: a header in cents: ${header.join(",")}`);
      if (header.some((h) => /rate|retention/i.test(h) && !h.endsWith("(%)")))
        problems.push(`${name}: a rate not in percent: ${header.join(",")}`);
      if (header.some((h) => /MRR/.test(h)) && !header.some((h) => h.endsWith("(USD)")))
        problems.push(`${name}: money without its currency: ${header.join(",")}`);
      for (const cell of body.flat()) {
        if (/^-?\d+\.\d{3,}$/.test(cell)) problems.push(`${name}: more than two decimals: ${cell}`);
        if (/^-?\d{1,3}([.,\s\u00a0]\d{3})+([.,]\d+)?$/.test(cell) && !/^-?\d+\.\d\d$/.test(cell))
          problems.push(`${name}: a locale separator: ${cell}`);
      }
    }
    expect(problems).toEqual([]);
  });
}
