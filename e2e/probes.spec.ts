// Probes of the framework's known weak spots: the internal middleware-subrequest header, server
// actions posted from another origin (or Origin: null), and bodies over the limits. None may get
// past authorization or write anything.
import fs from "node:fs";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { SIGNED_OUT as empty, createApiKey, keyClient, unique } from "./fixtures";
import { gotoHydrated } from "./hydrated";
import { storageState } from "./users";

function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in the build`);
  return found[0];
}

async function context(state: string | typeof empty, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: e2eBaseUrl(),
    storageState: state,
    maxRedirects: 0,
    extraHTTPHeaders: headers,
  });
}

test("the x-middleware-subrequest header does not skip the proxy or the server's check", async () => {
  for (const value of [
    "middleware",
    "proxy",
    "src/middleware",
    "middleware:middleware:middleware:middleware:middleware",
    "proxy:proxy:proxy:proxy:proxy",
  ]) {
    const anonymous = await context(empty, { "x-middleware-subrequest": value });
    const page = await anonymous.get("/admin");
    expect([303, 307, 308], value).toContain(page.status());
    expect(page.headers().location, value).toContain("/sign-in");
    const api = await anonymous.get("/api/v1/metrics/overview");
    expect(api.status(), value).toBe(401);
    await anonymous.dispose();
    // Signed in as cs with the header: the admin page is still refused by the server.
    const cs = await context(storageState("cs"), { "x-middleware-subrequest": value });
    expect((await cs.get("/admin")).status(), value).toBe(403);
    await cs.dispose();
  }
});

test.describe("server actions", () => {
  const name = `Probe ${unique()}`;
  const body = JSON.stringify([{ name, description: "", regrettable: true, color: "chart-1" }]);
  const post = (ctx: APIRequestContext, data: string, origin?: string) =>
    ctx.post("/admin/taxonomy", {
      headers: {
        "next-action": actionId("createCategoryAction"),
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        ...(origin === undefined ? {} : { origin }),
      },
      data,
    });

  test("refuse a foreign Origin and Origin: null even with an admin session, and write nothing", async ({
    browser,
  }) => {
    const admin = await context(storageState("admin"));
    for (const origin of ["null", "https://evil.example", "http://127.0.0.1.evil.example"]) {
      const response = await post(admin, body, origin);
      expect(response.status(), origin).toBeGreaterThanOrEqual(400);
      expect(await response.text(), origin).not.toContain('"ok":true');
    }
    // The control: the same request from the app's own origin does go through.
    const control = await post(
      admin,
      JSON.stringify([{ name: `${name} control`, description: "", regrettable: true, color: "chart-2" }]),
      e2eBaseUrl(),
    );
    expect(await control.text()).toContain('"ok":true');
    await admin.dispose();
    const page = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
    await gotoHydrated(page, "/admin/taxonomy");
    const table = page.getByRole("table", { name: "Reason categories" });
    await expect(table.getByText(`${name} control`, { exact: true })).toBeVisible();
    await expect(table.getByText(name, { exact: true })).toHaveCount(0);
  });

  test("refuse a body over the size limit and write nothing", async ({ browser }) => {
    const admin = await context(storageState("admin"));
    const huge = JSON.stringify([
      { name, description: "x".repeat(3 * 1024 * 1024), regrettable: true, color: "chart-1" },
    ]);
    const response = await post(admin, huge, e2eBaseUrl());
    expect(response.status()).toBeGreaterThanOrEqual(400);
    await admin.dispose();
    const page = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
    await page.goto("/admin/taxonomy");
    const table = page.getByRole("table", { name: "Reason categories" });
    await expect(table).toBeVisible();
    await expect(table.getByText(name, { exact: true })).toHaveCount(0);
  });
});

test("an ingestion body over 5 MB is refused with 413 before it is read", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("admin") });
  const key = await createApiKey(await context.newPage(), `probe ${unique()}`, ["ingest"]);
  await context.close();
  const api = await keyClient(key);
  const items = Array.from({ length: 3000 }, (_, i) => ({ externalId: `probe-${i}`, name: "y".repeat(2000) }));
  const response = await api.post("/api/v1/accounts", {
    data: JSON.stringify({ items }),
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(413);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  await api.dispose();
});
