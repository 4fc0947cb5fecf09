import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://localhost:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const role = process.argv[2] ?? "admin";
await page.goto(base + "/overview");
await page.screenshot({ path: "/tmp/shots/signin.png" });
await page.fill("#email", `${role}@holdfast.local`);
await page.fill("#password", `holdfast-${role}`);
await page.click("button[type=submit]");
await page.waitForURL("**/overview");
for (const p of (process.argv[3] ?? "/overview").split(",")) {
  const res = await page.goto(base + p);
  console.log(p, res.status());
  await page.screenshot({ path: `/tmp/shots/${p.replace(/\W+/g, "_")}.png`, fullPage: true });
}
await browser.close();
