// Passwords and sessions in the browser: a copied session cookie dies with sign-out; a new user's
// one-time password must be changed before any page, route or action; a change ends the other
// sessions and keeps this one; an admin's reset shows a one-time password once and ends the user's
// sessions. Each test makes its own users in Admin → Users, so no shared session is ended.
import fs from "node:fs";
import {
  type Browser,
  type BrowserContext,
  type Page,
  expect,
  request as playwrightRequest,
  test,
} from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { SIGNED_OUT, unique } from "./fixtures";
import { gotoHydrated, waitForHydration } from "./hydrated";
import { storageState } from "./users";

/** A new cs user made by the admin in Admin → Users; returns the one-time password shown once. */
async function newUser(browser: Browser): Promise<{ email: string; password: string }> {
  const email = `pw.${unique()}@holdfast.local`;
  const admin = await browser.newContext({ storageState: storageState("admin") });
  const page = await admin.newPage();
  await gotoHydrated(page, "/admin");
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill("Password Tester");
  await form.getByRole("button", { name: "Create user" }).click();
  const shown = page.getByTestId("one-time-password");
  await expect(shown).toContainText(email);
  const password = ((await shown.locator("p.font-mono").textContent()) ?? "").trim();
  await admin.close();
  return { email, password };
}

/** Sends the sign-in form; the caller says where that should lead. */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await gotoHydrated(page, "/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

/** A new user's first sign-in: Holdfast asks for a password of their own (`next`) before anything else. */
async function signInNew(page: Page, user: { email: string; password: string }, next: string): Promise<string> {
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/account\/password$/);
  await changePassword(page, user.password, next);
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("user-name")).toHaveText("Password Tester");
  return next;
}

async function freshContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  return { context, page: await context.newPage() };
}

test("signing out ends the session everywhere: a copied cookie is refused afterwards", async ({ browser }) => {
  const user = await newUser(browser);
  const mine = await freshContext(browser);
  await signInNew(mine.page, user, "copied cookie passphrase");
  await expect(mine.page.getByTestId("user-name")).toHaveText("Password Tester");

  // Someone copies the session cookie while the user works.
  const copy = await freshContext(browser);
  await copy.context.addCookies(await mine.context.cookies());
  expect((await copy.page.goto("/overview"))?.status()).toBe(200);
  await expect(copy.page.getByTestId("user-name")).toHaveText("Password Tester");

  await mine.page.getByRole("button", { name: "Sign out" }).click();
  await expect(mine.page).toHaveURL(/\/sign-in/);

  await copy.page.goto("/overview");
  await expect(copy.page).toHaveURL(/\/sign-in/);
  const api = await playwrightRequest.newContext({
    baseURL: e2eBaseUrl(),
    storageState: await copy.context.storageState(),
  });
  expect((await api.get("/api/v1/metrics/overview")).status()).toBe(401);
  await api.dispose();
  await mine.context.close();
  await copy.context.close();
});

test("a new user changes the one-time password before any page, route or action opens", async ({ browser }) => {
  const user = await newUser(browser);
  const { context, page } = await freshContext(browser);
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expect(page.getByText("one-time password")).toBeVisible();
  // Every other page sends them back here; routes and server actions refuse.
  for (const path of ["/overview", "/accounts", "/at-risk", "/docs/metrics"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/password$/);
  }
  const api = await playwrightRequest.newContext({ baseURL: e2eBaseUrl(), storageState: await context.storageState() });
  const route = await api.get("/api/v1/metrics/overview");
  expect(route.status()).toBe(403);
  expect(await route.text()).toContain("password");
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const [findId] = Object.entries(manifest.node).find(([, a]) => a.exportedName === "findAccountsAction") ?? [];
  expect(findId).toBeTruthy();
  const action = await api.post("/overview", {
    headers: {
      "next-action": findId ?? "",
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: e2eBaseUrl(),
    },
    data: JSON.stringify([{ q: "a" }]),
  });
  expect(await action.text()).toContain('"status":403');
  await api.dispose();

  // The form checks what it is given, then lets them in.
  await changePassword(page, "not the one-time password", "a brand new passphrase");
  await expect(page.getByText("The current password is not right.")).toBeVisible();
  await changePassword(page, user.password, "short");
  await expect(page.getByText("The new password must be at least 10 characters")).toBeVisible();
  await changePassword(page, user.password, user.password);
  await expect(page.getByText("different from the current one")).toBeVisible();
  await changePassword(page, user.password, "a brand new passphrase");
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("user-name")).toHaveText("Password Tester");
  await context.close();

  // The one-time password no longer works; the new one does, with no further questions.
  const again = await freshContext(browser);
  await signIn(again.page, user.email, user.password);
  await expect(again.page.getByTestId("sign-in-error")).toBeVisible();
  await signIn(again.page, user.email, "a brand new passphrase");
  await expect(again.page).toHaveURL(/\/overview$/);
  await again.context.close();
});

test("changing one's own password from the user area keeps this session and ends the others", async ({ browser }) => {
  const user = await newUser(browser);
  const here = await freshContext(browser);
  const first = await signInNew(here.page, user, "first chosen passphrase");
  const there = await freshContext(browser);
  await signIn(there.page, user.email, first);
  await expect(there.page).toHaveURL(/\/overview$/);

  await here.page.getByRole("link", { name: "Change password" }).click();
  await expect(here.page).toHaveURL(/\/account\/password$/);
  await waitForHydration(here.page);
  await changePassword(here.page, first, "second chosen passphrase");
  await expect(here.page.getByText("Your password is changed")).toBeVisible();

  expect((await here.page.goto("/overview"))?.status()).toBe(200);
  await expect(here.page.getByTestId("user-name")).toHaveText("Password Tester");
  await there.page.goto("/overview");
  await expect(there.page).toHaveURL(/\/sign-in/);
  await signIn(there.page, user.email, "second chosen passphrase");
  await expect(there.page).toHaveURL(/\/overview$/);
  await here.context.close();
  await there.context.close();
});

test("an admin's reset shows a one-time password once, ends the user's sessions, and asks for a new one", async ({
  browser,
}) => {
  const user = await newUser(browser);
  const theirs = await freshContext(browser);
  await signInNew(theirs.page, user, "before the reset passphrase");

  const admin = await browser.newContext({ storageState: storageState("admin") });
  const page = await admin.newPage();
  await gotoHydrated(page, "/admin");
  const row = page.locator(`[data-email="${user.email}"]`);
  await row.getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog", { name: `Reset the password of ${user.email}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const shown = dialog.getByTestId("reset-password-value");
  await expect(shown).toHaveText(/^\S{16,}$/);
  const oneTime = ((await shown.textContent()) ?? "").trim();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(row).toContainText("Must change password");
  // Newest first: this reset, by the admin, naming the user (never the password).
  await page.goto("/admin/audit?action=user.password_reset");
  const entry = page.getByTestId("audit-row").first();
  await expect(entry).toContainText("admin@holdfast.local");
  await expect(entry).toContainText(user.email);
  await expect(entry).not.toContainText(oneTime);
  await admin.close();

  await theirs.page.goto("/overview");
  await expect(theirs.page).toHaveURL(/\/sign-in/);
  await signIn(theirs.page, user.email, oneTime);
  await expect(theirs.page).toHaveURL(/\/account\/password$/);
  await changePassword(theirs.page, oneTime, "after the reset passphrase");
  await expect(theirs.page).toHaveURL(/\/overview$/);
  await theirs.context.close();
});
