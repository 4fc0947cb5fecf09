// Fifty script-injection payloads stored where people type or send text — account names, cancel
// verbatims and competitors, outreach notes, category names — then every page that shows them is
// opened in Chromium: no dialog may fire and no payload may become markup.
import fs from "node:fs";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { e2eBaseUrl } from "./env";
import { createApiKey, keyClient, unique } from "./fixtures";
import { CHARTS, gotoHydrated, waitForCharts } from "./hydrated";
import { storageState } from "./users";

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<body onload=alert(1)>",
  "<iframe src=javascript:alert(1)>",
  "<a href=javascript:alert(1)>x</a>",
  "javascript:alert(1)",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "</style><script>alert(1)</script>",
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<select autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)>",
  "<audio src=x onerror=alert(1)>",
  "<marquee onstart=alert(1)>",
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  '<div style="background:url(javascript:alert(1))">',
  '<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "%3Cscript%3Ealert(1)%3C/script%3E",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<IMG SRC=JaVaScRiPt:alert(1)>",
  "<img src=`x` onerror=alert(1)>",
  "<form action=javascript:alert(1)><button>x</button></form>",
  "<isindex action=javascript:alert(1) type=submit>",
  "<base href=javascript:alert(1)//>",
  "<link rel=import href=data:text/html,<script>alert(1)</script>>",
  "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "<template><script>alert(1)</script></template>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<svg><a xlink:href=javascript:alert(1)><text x=20 y=20>x</text></a></svg>",
  "<table background=javascript:alert(1)>",
  "<x onclick=alert(1)>click</x>",
  "<img src=x:alert(1) onerror=eval(src)>",
  "\u003cscript\u003ealert(1)\u003c/script\u003e",
  "<script src=data:,alert(1)></script>",
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  "<svg/onload=alert(1)//",
  "<img/src/onerror=alert(1)>",
  "=cmd|'/c calc'!A1 <script>alert(1)</script>",
];

function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName}`);
  return found[0];
}

/** React's reply encoding escapes strings that start with "$" (its reference marker) as "$$…". */
function encodeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeReply);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeReply(v)]));
  return value;
}

async function callAction(ctx: APIRequestContext, name: string, input: unknown, path = "/overview") {
  const response = await ctx.post(path, {
    headers: {
      "next-action": actionId(name),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: e2eBaseUrl(),
    },
    data: JSON.stringify([encodeReply(input)]),
  });
  expect(await response.text(), `${name} ${JSON.stringify(input).slice(0, 120)}`).toContain('"ok":true');
}

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageState("admin") });

test("stores fifty payloads where text is typed or sent", async ({ page }) => {
  expect(PAYLOADS).toHaveLength(50);
  const key = await createApiKey(page, `xss ${unique()}`, ["ingest"]);
  const api = await keyClient(key);
  const ok = async (path: string, items: unknown[]) =>
    expect((await api.post(path, { data: { items } })).status(), path).toBe(200);
  await ok(
    "/api/v1/accounts",
    PAYLOADS.map((name, i) => ({ externalId: `xss-${i}`, name, plan: name.slice(0, 100) })),
  );
  // No subscription events: these accounts stay out of the customer counts other specs check.
  await ok(
    "/api/v1/cancellations",
    PAYLOADS.map((freeText, i) => ({
      accountExternalId: `xss-${i}`,
      submittedAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      reasonCode: "too_expensive",
      freeText,
      competitor: freeText.slice(0, 200),
      outcome: "saved",
    })),
  );
  await api.dispose();

  const admin = await playwrightRequest.newContext({ baseURL: e2eBaseUrl(), storageState: storageState("admin") });
  await callAction(admin, "addToQueueAction", { externalIds: PAYLOADS.map((_, i) => `xss-${i}`) });
  for (const [i, summary] of PAYLOADS.entries()) {
    await callAction(
      admin,
      "logOutreachAction",
      { accountExternalId: `xss-${i % 5}`, channel: "call", summary, outcome: summary.slice(0, 500) },
      "/at-risk",
    );
  }
  for (const [i, name] of PAYLOADS.filter((p) => p.length <= 70)
    .slice(0, 8)
    .entries()) {
    await callAction(
      admin,
      "createCategoryAction",
      { name: `${name} ${i}`, description: name, regrettable: false, color: "chart-3" },
      "/admin/taxonomy",
    );
  }
  await admin.dispose();
});

test("no payload runs or becomes markup on any page that shows them", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  const pages = [
    "/overview",
    "/reasons",
    "/at-risk?who=all",
    "/accounts?q=xss",
    ...Array.from({ length: 6 }, (_, i) => `/accounts/xss-${i}`),
    "/accounts/xss-49",
    "/admin/workbench?category=cat_price_value",
    "/admin/taxonomy",
    "/admin/audit",
    "/admin/audit?page=2",
  ];
  for (const path of pages) {
    await gotoHydrated(page, path);
    const charts = CHARTS[path];
    if (charts) await waitForCharts(page, charts);
    // Nothing injected became an element: no img, iframe, svg or script carrying a payload.
    const injected = await page.evaluate(
      () =>
        [
          ...document.querySelectorAll(
            "img[onerror], svg[onload], iframe, object, embed, details[ontoggle], marquee, x[onclick], body[onload] ~ *",
          ),
        ].length,
    );
    expect(injected, path).toBe(0);
  }
  // The payloads are shown as text where they were stored.
  await page.goto("/accounts/xss-1");
  await expect(page.getByRole("heading", { name: PAYLOADS[1] })).toBeVisible();
  expect(dialogs).toEqual([]);
});
