// The analytics pages in the browser: filters in the URL, drill-through lists exactly the accounts
// a figure counts, and CSV downloads carrying the API's numbers.
import { expect, test } from "@playwright/test";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("manager") });

interface ChurnMonth {
  month: string;
  churned: number;
  customersEnd: number;
  logoChurnRate: number | null;
}

test("a filter change lands in the URL and survives a reload", async ({ page }) => {
  await gotoHydrated(page, "/overview");
  const before = await page.getByTestId("overview-customers").innerText();
  await page.getByLabel("Segment").selectOption("enterprise");
  await expect(page).toHaveURL(/segment=enterprise/);
  await expect(page.getByTestId("overview-customers")).not.toHaveText(before);
  const filtered = await page.getByTestId("overview-customers").innerText();
  await page.reload();
  await expect(page.getByLabel("Segment")).toHaveValue("enterprise");
  await expect(page.getByTestId("overview-customers")).toHaveText(filtered);
});

test("the logo churn figure drills through to exactly the churned accounts", async ({ page, request }) => {
  const churn = (await (await request.get("/api/v1/metrics/churn?segment=smb")).json()) as { months: ChurnMonth[] };
  const last = churn.months[churn.months.length - 1];
  expect(last?.churned).toBeGreaterThan(0);
  await gotoHydrated(page, "/overview?segment=smb");
  await page.getByTestId("overview-logo-churn").click();
  await expect(page).toHaveURL(new RegExp(`drill=churned%3A${last?.month}|drill=churned:${last?.month}`));
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("drill-count")).toHaveText(
    `${last?.churned} account${last?.churned === 1 ? "" : "s"}`,
  );
  await expect(dialog.getByTestId("drill-rows").locator("tr")).toHaveCount(last?.churned ?? -1);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page).not.toHaveURL(/drill=/);
});

test("a cohort cell drills through to the customers it counts", async ({ page, request }) => {
  const body = (await (await request.get("/api/v1/metrics/cohorts")).json()) as {
    cohorts: { cohort: string; cells: { age: number; customers: number }[] }[];
  };
  const cohort = body.cohorts.find((c) => c.cells.length > 3);
  const cell = cohort?.cells[3];
  expect(cell?.customers).toBeGreaterThan(0);
  await gotoHydrated(page, "/cohorts");
  await page.getByTestId(`cohort-cell-${cohort?.cohort}-3`).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("drill-count")).toHaveText(`${cell?.customers} accounts`);
  await expect(dialog.getByTestId("drill-rows").locator("tr")).toHaveCount(cell?.customers ?? -1);
});

test("the revenue switch and the chosen view are kept in the URL", async ({ page }) => {
  // The switch works once the page has hydrated: a click on the server's HTML alone does nothing.
  await gotoHydrated(page, "/cohorts");
  await page.getByRole("radio", { name: "Revenue" }).click();
  await expect(page).toHaveURL(/view=revenue/);
  await expect(page.getByRole("heading", { name: "Revenue retention by cohort" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Revenue" })).toHaveAttribute("aria-checked", "true");
});

test("the churn CSV download carries the API's numbers, written for people", async ({ page, request }) => {
  const json = (await (await request.get("/api/v1/metrics/churn?segment=mid")).json()) as { months: ChurnMonth[] };
  // The raw CSV's header names each column's JSON field, in the order the download writes them.
  const raw = await (await request.get("/api/v1/metrics/churn?segment=mid&format=csv")).text();
  const keys = raw.trim().split("\n")[0]?.split(",") ?? [];
  await gotoHydrated(page, "/overview?segment=mid");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloadPromise;
  const text = await (await import("node:fs/promises")).readFile((await download.path()) ?? "", "utf8");
  const [header, ...lines] = text.trim().split("\n");
  const labels = header?.split(",") ?? [];
  expect(labels).toHaveLength(keys.length);
  expect(lines).toHaveLength(json.months.length);
  // Money in dollars with the currency in the header, rates as percentages, ratios to two places.
  const twoPlaces = (v: number) => (Math.abs(v) < 0.005 ? "0.00" : v.toFixed(2));
  const COUNTS = ["customersStart", "customersEnd", "new", "reactivated", "churned", "newAndLost"];
  const forPeople = (key: string, label: string, v: number | string | null): string => {
    if (v === null) return "";
    if (typeof v === "string") return v;
    if (label.endsWith(" (USD)")) return twoPlaces(v / 100);
    if (label.endsWith(" (%)")) return twoPlaces(v * 100);
    return COUNTS.includes(key) ? String(v) : twoPlaces(v); // the quick ratio
  };
  lines.forEach((line, i) => {
    const cells = line.split(",");
    const month = json.months[i] as unknown as Record<string, number | string | null>;
    keys.forEach((key, j) => {
      const label = labels[j] ?? "";
      expect(cells[j], `${label} of ${month.month}`).toBe(forPeople(key, label, month[key] ?? null));
    });
  });
});

test("the reasons page shows its taxonomy version and drills a category", async ({ page }) => {
  await gotoHydrated(page, "/reasons");
  await expect(page.getByTestId("taxonomy-version")).toContainText(/taxonomy version \d+/);
  await page.getByRole("button", { name: "Price & value" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toContainText("“Price & value”");
  await expect(dialog.getByTestId("drill-rows").locator("tr").first()).toBeVisible();
});
