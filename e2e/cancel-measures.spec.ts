// The cancel flow's measures on the Reasons page: a customer of the spec's own opens the cancel page
// and leaves it open; filtered to that account's plan, the page counts the open session and puts the
// account on the watchlist, whose list says the visit in words and adds the account to the at-risk
// queue. The demo's running experiment is shown with both variants and a plain verdict.
import { expect } from "@playwright/test";
import { cancelLink, cancelTest as test } from "./cancel-page-helpers";
import { SIGNED_OUT, unique } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("cs") });

const month = () => new Date().toISOString().slice(0, 7);
const day = () =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date());

test("a customer who opened the cancel page and stayed is on the watchlist, and goes to the queue from it", async ({
  page,
  browser,
  cancelApi,
}) => {
  const plan = `e2e-watch-${unique()}`;
  const link = await cancelLink(cancelApi, { plan });
  // The customer opens the link, with no Holdfast session, and goes back to work.
  const customer = await browser.newContext({ storageState: SIGNED_OUT });
  const visit = await customer.newPage();
  await visit.goto(link.path);
  await expect(visit.getByRole("heading", { level: 1 })).toBeVisible();
  await customer.close();

  await gotoHydrated(page, `/reasons?from=2024-01&to=${month()}&plan=${plan}`);
  const sessions = page.getByRole("region", { name: "Cancel flow sessions" });
  await expect(sessions.getByTestId("sessions-open")).toContainText("1");
  await expect(sessions.getByTestId("sessions-canceled")).toContainText("0");
  await sessions.getByTestId("watchlist-open").click();
  const dialog = page.getByRole("dialog", { name: /The watchlist/ });
  await expect(dialog.getByTestId("drill-count")).toHaveText("1 account");
  await expect(dialog.getByTestId("drill-rows")).toContainText(`Cancel ${link.account}`);
  await expect(dialog.getByTestId("drill-rows")).toContainText(
    `Opened the cancel page on ${day()} and has not finished`,
  );
  await dialog.getByRole("button", { name: "Add it to queue" }).click();
  await expect(dialog.getByTestId("drill-queued")).toHaveText("1 added to the at-risk queue.");
});

test("the demo's experiment shows both variants with their intervals and says whether the difference is clear", async ({
  page,
}) => {
  await gotoHydrated(page, "/reasons");
  const experiments = page.getByRole("region", { name: "Offer experiments" });
  await expect(experiments.getByRole("table")).toContainText("discount 25 % for 3 months");
  await expect(experiments.getByRole("table")).toContainText("discount 40 % for 2 months");
  await expect(experiments.getByTestId("variant-verdict")).toHaveText(
    /^(Not yet clear: the two intervals overlap|Variant [AB] saves clearly more than variant [AB])/,
  );
  // Each variant's sessions open their accounts.
  await experiments.getByRole("button", { name: /^Variant B’s \d+ sessions?$/ }).click();
  const dialog = page.getByRole("dialog", { name: /variant B ended saved or canceled/ });
  await expect(dialog.getByTestId("drill-count")).toHaveText(/^\d+ accounts?$/);
});
