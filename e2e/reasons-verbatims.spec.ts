// The reasons page in the browser: the answers in the customers' words follow every filter of the
// page, the chosen category and a search, page through, and a link reproduces the view; categories
// are named by their names (never their slugs), and unfiled answers are counted apart.
import { type Page } from "@playwright/test";
import { type OwnAccount, expect, test } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("cs") });

const month = () => new Date().toISOString().slice(0, 7);
const reasonsOf = (account: OwnAccount, extra = "") =>
  `/reasons?from=2024-01&to=${month()}&plan=${account.plan}${extra}`;
const answersPanel = (page: Page) => page.getByRole("region", { name: "Answers in their own words" });

test("the answers follow the filters, the category and a search, page through, and the link keeps them", async ({
  page,
  own,
}) => {
  const account = await own.account("Verbatims");
  // 27 answers waiting in Uncategorized, one under Missing features with a % and an _ in its words.
  await own.answers(
    account,
    Array.from({ length: 27 }, (_, i) => `Answer ${i + 1}: the reports were slow`),
  );
  await own.answers(account, ["We needed 100% of the_team on exports"], "missing_features");

  await gotoHydrated(page, reasonsOf(account));
  const panel = answersPanel(page);
  await expect(panel.getByTestId("verbatims-count")).toHaveText("1–25 of 28 answers");
  await expect(panel.getByTestId("verbatim")).toHaveCount(25);
  await panel.getByRole("button", { name: "Next page" }).click();
  await expect(panel.getByTestId("verbatims-count")).toHaveText("26–28 of 28 answers");
  await expect(page).toHaveURL(/vpage=2/);
  await page.reload();
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("26–28 of 28 answers");
  // Another segment is another list: it starts on its first page.
  await page.getByRole("form", { name: "Filters" }).getByLabel("Segment").selectOption("enterprise");
  await expect(page).not.toHaveURL(/vpage=/);
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("1–25 of 28 answers");
  await answersPanel(page).getByRole("button", { name: "Next page" }).click();
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("26–28 of 28 answers");

  // The category: the answer shows the category's name once, not "Missing features (Missing features)".
  await answersPanel(page).getByLabel("Answers in category").selectOption({ label: "Missing features" });
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("1 answer");
  const only = answersPanel(page).getByTestId("verbatim");
  await expect(only).toContainText("Missing features");
  await expect(only).not.toContainText("(Missing features)");
  await expect(only).not.toContainText("Missing features · Missing features");

  // The search: % and _ are the characters themselves, not wildcards.
  await answersPanel(page).getByLabel("Answers in category").selectOption({ label: "All categories" });
  await answersPanel(page).getByLabel("Search the answers").fill("0%");
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("1 answer");
  await answersPanel(page).getByLabel("Search the answers").fill("e_t");
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("1 answer");
  await expect(answersPanel(page).getByTestId("verbatim")).toContainText("the_team");
  await answersPanel(page).getByLabel("Search the answers").fill("reports were");
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("1–25 of 27 answers");
  await expect(page).toHaveURL(/vq=reports/);

  // A link reproduces the view.
  const url = page.url();
  await gotoHydrated(page, url);
  await expect(answersPanel(page).getByTestId("verbatims-count")).toHaveText("1–25 of 27 answers");
  await expect(answersPanel(page).getByLabel("Search the answers")).toHaveValue("reports were");
});

test("a category the taxonomy does not have is ignored, and said", async ({ page, own }) => {
  const account = await own.account("Verbatims Unknown Category");
  await own.answers(account, ["Too slow for us", "Too dear for us"]);
  await gotoHydrated(page, reasonsOf(account, "&vcategory=nonsense"));
  const panel = answersPanel(page);
  await expect(panel.getByRole("status").filter({ hasText: "Ignored vcategory=nonsense" })).toBeVisible();
  await expect(panel.getByLabel("Answers in category")).toHaveValue("");
  await expect(panel.getByTestId("verbatims-count")).toHaveText("1–2 of 2 answers");
});

test("a search nothing matches says so", async ({ page, own }) => {
  const account = await own.account("Verbatims Empty");
  await own.answers(account, ["Too slow for us"]);
  await gotoHydrated(page, reasonsOf(account, "&vq=nothing%20like%20this"));
  await expect(answersPanel(page)).toContainText("No answers match “nothing like this”");
});

test("the reasons drill-through is titled with the category's name, not its slug", async ({ page, own }) => {
  const account = await own.account("Drill Title");
  await own.answers(account, ["Moved to another tool"], "switched_service");
  await gotoHydrated(page, reasonsOf(account, "&drill=reasons:switched-competitor"));
  const heading = page.getByRole("dialog").getByRole("heading");
  await expect(heading).toContainText("Switched to a competitor");
  await expect(heading).not.toContainText("switched-competitor");
});

test("answers waiting in Uncategorized count as not yet filed, neither regrettable nor not", async ({ page, own }) => {
  const account = await own.account("Not Yet Filed");
  await own.answers(account, ["One", "Two", "Three"]);
  await own.answers(account, ["Needed exports"], "missing_features");
  await own.answers(account, ["Budget went"], "budget_cut_code_unknown");
  await gotoHydrated(page, reasonsOf(account));
  // 1 of 5 regrettable (Missing features), none not regrettable, 4 waiting in Uncategorized.
  await expect(page.getByTestId("regrettable-count")).toHaveText(/^1 \(20\.0\s?%\)$/);
  await expect(page.getByTestId("not-regrettable-count")).toHaveText(/^0 \(0\.0\s?%\)$/);
  await expect(page.getByTestId("unfiled-count")).toHaveText(/^4 \(80\.0\s?%\)$/);
});
