// The admin area on the server: every server action refuses roles below its own (found in the
// build's action manifest), users and roles, and filing answers (the test's own) by keyboard until
// the reasons chart changes.
import fs from "node:fs";
import { type APIRequestContext, type Page, request as playwrightRequest } from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { expect, firstSignIn, test, unique } from "./fixtures";
import { gotoHydrated, reloadHydrated } from "./hydrated";
import { storageState } from "./users";

const RANK = { anonymous: 0, forged: 0, cs: 1, manager: 2, admin: 3 } as const;
type Who = keyof typeof RANK;

/** Every server action of the build, with the role its source file asks of `action(…)`. */
function serverActions(): { id: string; file: string; name: string; minRole: Who; page: string }[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  // Each action is posted to a page whose bundle holds it, as a browser does (Next would otherwise
  // forward the request to such a page itself).
  const pageOf = (workers: Record<string, unknown>) =>
    Object.keys(workers)
      .filter((w) => w.startsWith("app/") && w.endsWith("/page") && !w.includes("["))
      .map(
        (w) =>
          w
            .replace(/^app/, "")
            .replace(/\/\([^/]+\)/g, "")
            .replace(/\/page$/, "") || "/",
      )[0] ?? "/overview";
  return Object.entries(manifest.node)
    .filter(([, a]) => a.filename.startsWith("lib/actions/") && !a.filename.startsWith("lib/actions/auth/"))
    .map(([id, a]) => {
      const source = fs.readFileSync(a.filename, "utf8");
      const role = /action\("(cs|manager|admin)"/.exec(source)?.[1] as Who | undefined;
      if (!role) throw new Error(`${a.filename} does not go through action(minRole, …)`);
      return { id, file: a.filename, name: a.exportedName, minRole: role, page: pageOf(a.workers) };
    });
}

async function as(who: Who): Promise<APIRequestContext> {
  const base = { baseURL: e2eBaseUrl(), maxRedirects: 0, extraHTTPHeaders: { origin: e2eBaseUrl() } };
  // An explicit empty state: a new context would otherwise take the test's (the admin's) cookies.
  const empty = { cookies: [], origins: [] };
  if (who === "forged") {
    // A cookie that gets past the proxy's presence check: only the server can refuse it.
    return playwrightRequest.newContext({
      ...base,
      storageState: empty,
      extraHTTPHeaders: { ...base.extraHTTPHeaders, cookie: "authjs.session-token=forged.not-a-real-token" },
    });
  }
  return playwrightRequest.newContext({ ...base, storageState: who === "anonymous" ? empty : storageState(who) });
}

/** Refusals of server actions in the audit log (other specs running beside this one make other entries). */
async function actionRefusals(page: Page): Promise<number> {
  await page.goto(`/admin/audit?action=authz.refused&q=${encodeURIComponent("server action needing")}`);
  return Number(((await page.getByText(/^\d[\d,]* entries$/).textContent()) ?? "").replace(/\D/g, ""));
}

test.describe("as an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("every server action refuses, on the server, each role below its own, and writes only the refusal", async ({
    page,
  }) => {
    const actions = serverActions();
    expect(actions.length).toBeGreaterThanOrEqual(20);
    const before = await actionRefusals(page);
    // What the payload names: the admin user, and Uncategorized (as a category to change, merge or
    // archive). Its answer count is left out: other specs running beside this one ingest answers.
    const state = async () => {
      await page.goto("/admin/taxonomy");
      const cells = await page
        .locator('[data-testid="category-row"][data-category="Uncategorized"]')
        .getByRole("cell")
        .allTextContents();
      await page.goto("/admin");
      return {
        uncategorized: { category: cells[0], regrettable: cells[1], reasonCodes: cells[2] },
        admin: await page.getByLabel("Role of admin@holdfast.local").inputValue(),
        adminActive: await page.getByRole("row").filter({ hasText: "admin@holdfast.local" }).textContent(),
      };
    };
    const stateBefore = await state();
    let refusals = 0;
    let signedIn = 0;
    for (const who of ["anonymous", "forged", "cs", "manager"] as const) {
      const ctx = await as(who);
      for (const a of actions.filter((x) => RANK[x.minRole] > RANK[who])) {
        const response = await ctx.post(a.page, {
          headers: { "next-action": a.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
          data: JSON.stringify([
            {
              id: "x",
              userId: "usr_demo_admin",
              role: "cs",
              active: false,
              refs: ["a:1"],
              categoryId: "cat_uncategorized",
            },
          ]),
        });
        const body = await response.text();
        const refused =
          who === "anonymous"
            ? response.status() >= 300
            : who === "forged"
              ? body.includes('"status":401')
              : body.includes('"status":403');
        expect(
          refused,
          `${a.name} (${a.file}, needs ${a.minRole}) as ${who}: ${response.status()} ${body.slice(0, 200)}`,
        ).toBe(true);
        refusals++;
        if (who === "cs" || who === "manager") signedIn++;
      }
      await ctx.dispose();
    }
    expect(refusals).toBeGreaterThan(50);
    // Each refusal of a signed-in user is in the audit log; nothing the calls asked for was done.
    expect((await actionRefusals(page)) - before).toBe(signedIn);
    expect(await state()).toEqual(stateBefore);
  });

  test("creates a user with a one-time password; a role change applies to their next request; disabling ends it", async ({
    page,
    browser,
  }) => {
    const email = `new.agent.${unique()}@holdfast.local`;
    const name = `New Agent ${unique()}`;
    await gotoHydrated(page, "/admin");
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("E-mail").fill(email);
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Create user" }).click();
    const shown = page.getByTestId("one-time-password");
    await expect(shown).toContainText(email);
    const password = ((await shown.locator("p.font-mono").textContent()) ?? "").trim();
    expect(password.length).toBeGreaterThanOrEqual(16);

    const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirs = await fresh.newPage();
    // The first sign-in asks for a password of their own, then opens the overview.
    await firstSignIn(theirs, { email, name, password });
    expect((await theirs.goto("/import"))?.status()).toBe(403);

    await page.getByLabel(`Role of ${email}`).selectOption("manager");
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("manager");
    expect((await theirs.goto("/import"))?.status()).toBe(200); // same session, new role

    await page.locator(`[data-email="${email}"]`).getByRole("button", { name: "Disable" }).click();
    await expect(page.locator(`[data-email="${email}"]`)).toContainText("Disabled");
    await theirs.goto("/overview");
    await expect(theirs).toHaveURL(/\/sign-in/);
    await fresh.close();
  });

  test("refuses to demote the last admin", async ({ page }) => {
    await gotoHydrated(page, "/admin");
    await page.getByLabel("Role of admin@holdfast.local").selectOption("manager");
    await expect(page.getByRole("alert").filter({ hasText: "last active admin" })).toBeVisible();
    await reloadHydrated(page);
    await expect(page.getByLabel("Role of admin@holdfast.local")).toHaveValue("admin");
  });

  test("files ten answers by keyboard and the reasons chart changes", async ({ page, own }) => {
    // Ten answers of the test's own account, with a reason code nobody else sends: Uncategorized.
    const account = await own.account("Project Filing");
    const code = `e2e_${unique()}`;
    await own.answers(
      account,
      Array.from({ length: 10 }, (_, i) => `The project we bought it for is over (${i + 1}).`),
      code,
    );
    const month = new Date().toISOString().slice(0, 7);
    const reasons = `/reasons?from=2024-01&to=${month}&plan=${account.plan}`;
    const projectEnded = async () => {
      await page.goto(reasons);
      const table = page.getByRole("table", { name: "Answers by category", exact: true });
      await expect(table).toBeVisible();
      const row = table.getByRole("row").filter({ hasText: "Project ended" });
      return (await row.count()) === 0
        ? 0
        : Number(((await row.locator("td").nth(1).textContent()) ?? "0").replace(/,/g, ""));
    };
    expect(await projectEnded()).toBe(0);

    await gotoHydrated(page, `/admin/workbench?code=${code}`);
    const total = page.getByTestId("workbench-total");
    await expect(total).toHaveText(/^10 answers in Uncategorized/);
    await expect(page.getByRole("button", { name: /^8.*Project ended/ })).toBeVisible();
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect(page.getByTestId("answer-row").first()).toBeFocused();
    // Five one at a time with the number key …
    for (let i = 1; i <= 5; i++) {
      await page.keyboard.press("8");
      await expect(total).toHaveText(new RegExp(`^${10 - i} answers?`));
    }
    // … and five selected with x and filed at once.
    await page.getByTestId("answer-row").first().focus();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("x");
      if (i < 4) await page.keyboard.press("j");
    }
    await expect(page.getByText("5 selected")).toBeVisible();
    await page.keyboard.press("8");
    await expect(page.getByTestId("action-notice")).toContainText("5 answers filed under Project ended.");
    await expect(total).toHaveText(/^0 answers/);

    expect(await projectEnded()).toBe(10);
  });

  test("flipping regrettable with r can be undone, back to the category's default", async ({ page, own }) => {
    const account = await own.account("Regrettable Flip");
    await own.answers(account, ["Cheaper elsewhere for a team our size."], "too_expensive");
    await gotoHydrated(page, `/admin/workbench?category=cat_price_value&q=${account.externalId}`);
    await expect(page.getByTestId("answer-row")).toHaveCount(1);
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    const row = page.getByTestId("answer-row");
    await expect(row).toBeFocused();
    await expect(row).toContainText("Yes (default)");
    await page.keyboard.press("r");
    const notice = page.getByTestId("action-notice");
    await expect(notice).toContainText("Marked not regrettable.");
    await expect(row).not.toContainText("(default)");
    await notice.getByRole("button", { name: "Undo" }).click();
    await expect(notice).toContainText("Back to regrettable.");
    await expect(row).toContainText("Yes (default)");
  });
});
