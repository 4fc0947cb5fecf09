// Security headers and limits as a browser and an API client meet them: the nonce CSP on every
// page, sign-in backoff (form and Auth.js route), per-key rate limits, and the audit entries.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { SIGNED_OUT as empty, createApiKey, keyClient, unique } from "./fixtures";
import { CHARTS, gotoHydrated, waitForCharts, waitForHydration } from "./hydrated";
import { storageState } from "./users";

test.describe("signed in as cs", () => {
  test.use({ storageState: storageState("cs") });

  test("pages carry a nonce CSP and every script uses that nonce; nothing is blocked", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const path of ["/overview", "/at-risk", "/reasons"]) {
      const response = await page.goto(path);
      const csp = response?.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${path}: ${csp}`).toBeTruthy();
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
      // Every script the server writes carries the nonce; the chunks the page loads later (the
      // charts) are added by those scripts and trusted through 'strict-dynamic'.
      const scripts = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      // Hydrated, and the charts' code (loaded after hydration) run too.
      await waitForHydration(page);
      const charts = CHARTS[path];
      if (charts) await waitForCharts(page, charts);
    }
    expect(violations).toEqual([]);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: empty });

  test("failed sign-ins back off per address: the form says when, the Auth.js route answers 429", async ({
    page,
    browser,
  }) => {
    const email = `locked.${unique()}@holdfast.local`;
    for (let i = 1; i <= 5; i++) {
      await gotoHydrated(page, "/sign-in");
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    }
    await gotoHydrated(page, "/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("wrong password 6");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: /Too many failed sign-ins\. Try again in \d+ seconds/ }),
    ).toBeVisible();

    const api = await playwrightRequest.newContext({ baseURL: e2eBaseUrl(), storageState: empty, maxRedirects: 0 });
    const direct = await api.post("/api/auth/callback/credentials", { form: { email, password: "anything" } });
    expect(direct.status()).toBe(429);
    expect(Number(direct.headers()["retry-after"])).toBeGreaterThan(0);
    await api.dispose();

    // The failures are in the audit log, under the address they tried.
    const admin = await browser.newContext({ storageState: storageState("admin") });
    const auditPage = await admin.newPage();
    await auditPage.goto(`/admin/audit?action=auth.sign_in_failed&q=${encodeURIComponent(email)}`);
    await expect(auditPage.getByText("5 entries")).toBeVisible();
    await admin.close();
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("a key over its requests a minute gets 429 with Retry-After", async ({ page }) => {
    const key = await createApiKey(page, `e2e limited ${unique()}`, ["read"], 2);
    const api = await keyClient(key);
    expect((await api.get("/api/v1/metrics/overview")).status()).toBe(200);
    expect((await api.get("/api/v1/metrics/overview")).status()).toBe(200);
    const third = await api.get("/api/v1/metrics/overview");
    expect(third.status()).toBe(429);
    expect(third.headers()["content-type"]).toContain("application/problem+json");
    const wait = Number(third.headers()["retry-after"]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    await api.dispose();
  });

  test("a refused authorization is in the audit log", async ({ page, browser }) => {
    const cs = await browser.newContext({ storageState: storageState("cs") });
    const csPage = await cs.newPage();
    expect((await csPage.goto("/admin/taxonomy"))?.status()).toBe(403);
    await cs.close();
    await page.goto(`/admin/audit?action=authz.refused&q=${encodeURIComponent("/admin/taxonomy")}`);
    await expect(page.getByTestId("audit-row").first()).toContainText("cs@holdfast.local");
  });
});
