// API keys end to end: an admin makes one in the UI (shown once), it ingests and reads within its
// scopes, and once revoked it is refused.
import { expect, test } from "@playwright/test";
import { createApiKey, keyClient, unique } from "./fixtures";
import { reloadHydrated } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

test("a key ingests and reads within its scopes, and is refused once revoked", async ({ page }) => {
  const name = `e2e ingest ${unique()}`;
  const key = await createApiKey(page, name, ["ingest"]);
  const api = await keyClient(key);
  const externalId = `e2e-key-${unique()}`;
  const posted = await api.post("/api/v1/accounts", {
    data: { items: [{ externalId, name: "Key Test Co", segment: "smb" }] },
  });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toEqual({ accepted: 1, skipped: 0 });
  // The ingest scope does not read.
  expect((await api.get("/api/v1/metrics/churn")).status()).toBe(403);

  // The list shows when the key was last used; then revoke it.
  await reloadHydrated(page);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).not.toContainText("never");
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await api.post("/api/v1/accounts", { data: { items: [{ externalId, name: "Again" }] } })).status()).toBe(401);
  await api.dispose();
});

test("a read key reads the metrics and the account", async ({ page }) => {
  const key = await createApiKey(page, `e2e read ${unique()}`, ["read"]);
  const api = await keyClient(key);
  const churn = await api.get("/api/v1/metrics/churn?segment=enterprise");
  expect(churn.status()).toBe(200);
  expect(((await churn.json()) as { months: unknown[] }).months).toHaveLength(24);
  expect((await api.post("/api/v1/accounts", { data: { items: [] } })).status()).toBe(403);
  expect((await api.get("/api/v1/openapi.json")).status()).toBe(200);
  await api.dispose();
});
