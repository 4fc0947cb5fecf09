// Signing in and out, refusals a person sees in the browser, and the way back after sign-in.
import { expect, test } from "@playwright/test";
import { SIGNED_OUT, createUser, firstSignIn } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { demoUser, storageState } from "./users";

const PAGES = ["/overview", "/cohorts", "/reasons", "/at-risk", "/accounts", "/admin"];

test.describe("anonymous visitor", () => {
  test("is sent to sign-in from every page, and back to that page after signing in", async ({ page }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}$`));
    }
    const admin = demoUser("admin");
    await gotoHydrated(page, "/accounts?segment=enterprise");
    await page.getByLabel("E-mail").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/accounts\?segment=enterprise$/);
  });

  test("sees a clear message for a wrong password and stays signed out", async ({ page }) => {
    await gotoHydrated(page, "/sign-in");
    await page.getByLabel("E-mail").fill(demoUser("cs").email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      "That e-mail and password do not match an active account.",
    );
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("cs user", () => {
  test.use({ storageState: storageState("cs") });

  test("has no Admin link and is refused the admin page by the server", async ({ page }) => {
    await page.goto("/overview");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    await expect(page.getByText("admin@holdfast.local")).toHaveCount(0);
  });
});

test.describe("admin user", () => {
  test.use({ storageState: storageState("admin") });

  test("sees the Admin page with the staff list", async ({ page }) => {
    await page.goto("/overview");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("cell", { name: "manager@holdfast.local" })).toBeVisible();
  });
});

test("signing out ends the session", async ({ browser }) => {
  // A user of its own: signing out ends every session of that user, and the demo users' sessions
  // are shared by the other specs.
  const user = await createUser(browser, "Sign Out");
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await firstSignIn(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
