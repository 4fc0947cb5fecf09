// After signing in, the browser follows only a path of Holdfast itself, whatever callbackUrl says:
// backslashes, tabs, protocol-relative and absolute addresses, schemes and dot segments all land home.
import { type Page, expect, test } from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { SIGNED_OUT } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { demoUser } from "./users";

const HOSTILE = [
  "/\\evil.example/phish",
  "/\t/evil.example",
  "/\n/evil.example/phish",
  "//evil.example/phish",
  "\\\\evil.example/phish",
  "\\/evil.example",
  " //evil.example",
  "/.//evil.example/phish",
  "https://evil.example/phish",
  "http:evil.example",
  "javascript:alert(document.domain)",
  "//user:pass@evil.example",
];

async function signInFrom(page: Page, callbackUrl: string): Promise<void> {
  const cs = demoUser("cs");
  await gotoHydrated(page, `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("E-mail").fill(cs.email);
  await page.getByLabel("Password").fill(cs.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

test.use({ storageState: SIGNED_OUT });

for (const value of HOSTILE) {
  test(`signing in with callbackUrl ${JSON.stringify(value)} stays on Holdfast`, async ({ context, page }) => {
    const home = new URL(e2eBaseUrl()).origin;
    const elsewhere: string[] = [];
    // Any other origin answers with a stand-in page, so a wrong turn shows in the final URL.
    await context.route(
      (url) => url.origin !== home,
      (route) => {
        elsewhere.push(route.request().url());
        return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Phished</h1>" });
      },
    );
    await signInFrom(page, value);
    expect(new URL(page.url()).origin).toBe(home);
    expect(elsewhere).toEqual([]);
    await expect(page.getByTestId("user-name")).toHaveText(demoUser("cs").name);
  });
}

test("a path of Holdfast is still followed after signing in", async ({ page }) => {
  await signInFrom(page, "/accounts?segment=enterprise#list");
  await expect(page).toHaveURL(/\/accounts\?segment=enterprise#list$/);
});
