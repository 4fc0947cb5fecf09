// API keys end to end: an admin makes one in the UI (shown once), it ingests and reads within its
// scopes, and once revoked it is refused.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

async function makeKey(page: import("@playwright/test").Page, name: string, scopes: ("ingest" | "read")[]) {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name").fill(name);
  for (const scope of ["ingest", "read"] as const) {
    const box = page.getByRole("checkbox", { name: scope });
    if (scopes.includes(scope)) await box.check();
    else await box.uncheck();
  }
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(key).toMatch(/^hf_/);
  return key;
}

test("a key ingests and reads within its scopes, and is refused once revoked", async ({ page }) => {
  const name = `e2e ingest ${Date.now()}`;
  const key = await makeKey(page, name, ["ingest"]);
  const api = await playwrightRequest.newContext({
    baseURL: e2eBaseUrl(),
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  const externalId = `e2e-key-${Date.now()}`;
  const posted = await api.post("/api/v1/accounts", {
    data: { items: [{ externalId, name: "Key Test Co", segment: "smb" }] },
  });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toEqual({ accepted: 1, skipped: 0 });
  // The ingest scope does not read.
  expect((await api.get("/api/v1/metrics/churn")).status()).toBe(403);

  // The list shows when the key was last used; then revoke it.
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).not.toContainText("never");
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await api.post("/api/v1/accounts", { data: { items: [{ externalId, name: "Again" }] } })).status()).toBe(401);
  await api.dispose();
});

test("a read key reads the metrics and the account", async ({ page }) => {
  const key = await makeKey(page, `e2e read ${Date.now()}`, ["read"]);
  const api = await playwrightRequest.newContext({
    baseURL: e2eBaseUrl(),
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  const churn = await api.get("/api/v1/metrics/churn?segment=enterprise");
  expect(churn.status()).toBe(200);
  expect(((await churn.json()) as { months: unknown[] }).months).toHaveLength(24);
  expect((await api.post("/api/v1/accounts", { data: { items: [] } })).status()).toBe(403);
  expect((await api.get("/api/v1/openapi.json")).status()).toBe(200);
  await api.dispose();
});
