// The overview's customers and MRR equal what this spec computes itself from the subscription
// events of the same generated data set, by the state rules, without the database's cached columns.
import { expect, test } from "@playwright/test";
import { generatePreset } from "@/db/seed/presets";
import { eventsByAccount } from "@/db/seed/shape";
import { customersAndMrrAt } from "@/lib/metrics/state";
import { e2eAnchor } from "./env";
import { ROLES, storageState } from "./users";

const data = generatePreset("demo", 1, e2eAnchor());
// Every generated event is before the anchor day, so "now" sees them all.
const expected = customersAndMrrAt(eventsByAccount(data.events).values(), new Date());

function digits(text: string): number {
  return Number(text.replace(/[^0-9.]/g, ""));
}

for (const role of ROLES) {
  test.describe(`overview as ${role}`, () => {
    test.use({ storageState: storageState(role) });

    test("shows the customers and MRR computed from the events", async ({ page }) => {
      expect(expected.customers).toBeGreaterThan(0);
      await page.goto("/overview");
      await expect(page.getByTestId("overview-customers")).toHaveText(
        new Intl.NumberFormat("en-US").format(expected.customers),
      );
      // Money on the pages is in whole currency units (the API test below checks the cents).
      const mrr = await page.getByTestId("overview-mrr").innerText();
      expect(digits(mrr)).toBe(Math.round(expected.mrrCents / 100));
    });
  });
}

test.describe("overview API", () => {
  test.use({ storageState: storageState("cs") });

  test("returns the same customers and MRR", async ({ request }) => {
    const response = await request.get("/api/v1/metrics/overview");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { customers: number; mrrCents: number; asOf: string };
    expect(body).toMatchObject({ customers: expected.customers, mrrCents: expected.mrrCents });
    expect(Date.parse(body.asOf)).not.toBeNaN();
  });

  test("names a bad asOf parameter", async ({ request }) => {
    const response = await request.get("/api/v1/metrics/overview?asOf=yesterday");
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const body = (await response.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(["asOf"]);
  });
});
