// The categorizing workbench in the browser: the filing palette reaches every category from the
// keyboard, quick key presses each file their own answer, Uncategorized answers are not yet filed
// (neither regrettable nor not), and the page fits a 1280 px screen.
import type { Page } from "@playwright/test";
import { expect, test, unique } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

/** Focuses the first answer row, as a person starting to work the list does. */
async function startOnFirstRow(page: Page) {
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(page.getByTestId("answer-row").first()).toBeFocused();
}

const categorySelect = (page: Page) => page.getByRole("form", { name: "Answer filters" }).locator("select").first();

/** The live categories other than Uncategorized, in the taxonomy's order (from the Category filter). */
async function fileableCategories(page: Page): Promise<string[]> {
  const names = await categorySelect(page).locator("option").allTextContents();
  return names.filter((n) => n !== "Uncategorized");
}

test("the filing palette reaches every category from the keyboard, past the nine number keys", async ({
  page,
  own,
}) => {
  const account = await own.account("Palette Filing");
  const code = `e2e_${unique()}`;
  await own.answers(account, ["We closed the studio for good."], code);
  await gotoHydrated(page, `/admin/workbench?code=${code}`);
  const total = page.getByTestId("workbench-total");
  await expect(total).toHaveText(/^1 answer in Uncategorized/);

  const categories = await fileableCategories(page);
  expect(categories.length).toBeGreaterThanOrEqual(10);
  const tenth = categories[9] ?? "";
  await startOnFirstRow(page);
  await page.keyboard.press("f");
  const palette = page.getByRole("combobox", { name: "File under" });
  await expect(palette).toBeFocused();
  const list = page.getByRole("listbox", { name: "Categories" });
  // Every category the answer can go to is listed, the tenth and past it included.
  for (const name of categories) await expect(list.getByRole("option", { name, exact: true })).toBeVisible();
  await palette.fill(tenth.slice(0, 5));
  await expect(list.getByRole("option").first()).toHaveText(tenth);
  const active = await palette.getAttribute("aria-activedescendant");
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect(page.getByTestId("action-notice")).toContainText(`1 answer filed under ${tenth}.`);
  await expect(total).toHaveText(/^0 answers in Uncategorized/);

  // Escape closes it without filing anything.
  await gotoHydrated(
    page,
    `/admin/workbench?category=${encodeURIComponent(await categoryId(page, tenth))}&q=${account.externalId}`,
  );
  await startOnFirstRow(page);
  await page.keyboard.press("f");
  await expect(palette).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await expect(page.getByTestId("answer-row")).toHaveCount(1);
});

async function categoryId(page: Page, name: string): Promise<string> {
  return (await categorySelect(page).locator("option", { hasText: name }).getAttribute("value")) ?? "";
}

test("three quick presses of a number key file three answers", async ({ page, own }) => {
  const account = await own.account("Quick Presses");
  const code = `e2e_${unique()}`;
  await own.answers(account, ["First of three.", "Second of three.", "Third of three."], code);
  await gotoHydrated(page, `/admin/workbench?code=${code}`);
  const total = page.getByTestId("workbench-total");
  await expect(total).toHaveText(/^3 answers in Uncategorized/);
  const [first = ""] = await fileableCategories(page);
  // The writes the presses make, counted when their answers have arrived (leaving the page earlier
  // would cut them off).
  let written = 0;
  // (Counted on the answer's arrival: a streamed action answer may never fire requestfinished.)
  page.on("response", (response) => {
    const request = response.request();
    if (request.method() === "POST" && request.headers()["next-action"] && response.ok()) written += 1;
  });
  await startOnFirstRow(page);
  // No waiting between the presses: each one files the answer under the cursor when it was pressed.
  await page.keyboard.press("1");
  await page.keyboard.press("1");
  await page.keyboard.press("1");
  await expect(total).toHaveText(/^0 answers in Uncategorized/);
  await expect.poll(() => written, { timeout: 20_000 }).toBe(3);
  await expect(page.getByTestId("action-notice")).toContainText(`1 answer filed under ${first}.`);
  await gotoHydrated(page, `/admin/workbench?code=${code}`);
  await expect(total).toHaveText(/^0 answers in Uncategorized/);
  await gotoHydrated(
    page,
    `/admin/workbench?category=${encodeURIComponent(await categoryId(page, first))}&q=${account.externalId}`,
  );
  await expect(page.getByTestId("answer-row")).toHaveCount(3);
});

test("an Uncategorized answer is not yet filed: neither regrettable nor not, and r says so", async ({ page, own }) => {
  const account = await own.account("Not Yet Filed");
  const code = `e2e_${unique()}`;
  await own.answers(account, ["Nobody here uses it any more."], code);
  await gotoHydrated(page, `/admin/workbench?code=${code}`);
  const row = page.getByTestId("answer-row");
  await expect(row).toHaveCount(1);
  await expect(row.locator("td").last()).toHaveText("Not yet filed");
  await startOnFirstRow(page);
  await page.keyboard.press("r");
  await expect(page.getByTestId("action-notice")).toContainText("not yet filed");
  await expect(row.locator("td").last()).toHaveText("Not yet filed");
});

for (const width of [1280, 1440]) {
  test(`at ${width} px nothing overflows and every column header is on screen, palette open`, async ({ page, own }) => {
    const account = await own.account("Wide Answers With A Rather Long Company Name");
    const code = `e2e_${unique()}`;
    const keyword = `wide${unique()}`;
    await own.answers(
      account,
      [
        `A long answer that runs on and on about the reasons we left, ${keyword}. `.repeat(6),
        `https://example.com/${keyword}/${"a-very-long-unbroken-path-segment".repeat(8)}`,
      ],
      code,
    );
    // A rule of the test's own, so the answers carry the longest suggestion there is.
    await gotoHydrated(page, `/admin/workbench?code=${code}`);
    const rules = page.getByRole("region", { name: "Rules" });
    await rules.getByLabel("Keyword or pattern").fill(keyword);
    await rules.getByLabel("Suggests").selectOption({ label: "Switched to a competitor" });
    await rules.getByRole("button", { name: "Preview" }).click();
    await rules.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByTestId("suggestion")).toHaveCount(2);
    await page.setViewportSize({ width, height: 900 });
    const fit = () =>
      page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        // Outside the window, or cut off by the table's own scrolling box.
        outside: [...document.querySelectorAll("th")]
          .filter((th) => {
            const r = th.getBoundingClientRect();
            const box = th.closest("table")?.parentElement?.getBoundingClientRect();
            return r.left < 0 || r.right > document.documentElement.clientWidth || (box && r.right > box.right + 0.5);
          })
          .map((th) => th.textContent),
      }));
    for (const url of ["/admin/workbench", `/admin/workbench?code=${code}`]) {
      await gotoHydrated(page, url);
      await expect(page.getByTestId("answer-row").first()).toBeVisible();
      for (const palette of [false, true]) {
        if (palette) {
          await startOnFirstRow(page);
          await page.keyboard.press("f");
          await expect(page.getByRole("combobox", { name: "File under" })).toBeFocused();
        }
        const { scrollWidth, clientWidth, outside } = await fit();
        expect(scrollWidth, `${url}, palette ${palette ? "open" : "closed"}`).toBeLessThanOrEqual(clientWidth);
        expect(outside, `${url}, palette ${palette ? "open" : "closed"}`).toEqual([]);
      }
    }
  });
}
