// Figures, money and dates in the reader's locale (from the browser's Accept-Language) and
// instants in the reader's time zone (the browser reports it once, in a cookie).
import { expect, test } from "@playwright/test";
import { generatePreset } from "@/db/seed/presets";
import { eventsByAccount } from "@/db/seed/shape";
import { customersAndMrrAt } from "@/lib/metrics/state";
import { e2eAnchor } from "./env";
import { storageState } from "./users";

const data = generatePreset("demo", 1, e2eAnchor());
const expected = customersAndMrrAt(eventsByAccount(data.events).values(), new Date());

test.use({ storageState: storageState("manager"), locale: "de-DE", timezoneId: "Europe/Berlin" });

test("a German reader in Berlin gets German numbers and dates and Berlin times", async ({ page, context }) => {
  await page.goto("/overview");
  // The MRR as German writes dollars, in whole dollars as every amount on a page: dots for thousands,
  // the sign after.
  const mrr = new Intl.NumberFormat("de-DE", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: 0,
  }).format(expected.mrrCents / 100);
  expect(mrr).toMatch(/^\d{1,3}(\.\d{3})*\u00a0\$$/);
  await expect(page.getByTestId("overview-mrr")).toHaveText(mrr);
  await expect(page.getByTestId("overview-logo-churn")).toHaveText(/^\d+,\d\u00a0%$/);

  // The browser's zone is kept for the server, which then writes instants at Berlin's clock.
  await expect
    .poll(async () => (await context.cookies()).find((c) => c.name === "holdfast-tz")?.value)
    .toBe("Europe%2FBerlin");
  await page.goto("/at-risk");
  await page.getByTestId("queue-row").first().getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Health" })).toContainText(
    /Computed \d{1,2}\. \S+ \d{4}, \d{2}:\d{2} MES?Z\./,
  );
  await expect(page.getByTestId("account-created")).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
});
