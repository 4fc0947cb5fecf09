// Nothing in a URL crashes a page. A bad drill-through, month, cohort cell or any other value a page
// reads renders the page with a quiet notice naming what it ignored; a reversed range is swapped and
// said; a route param no row can have is a 404. Every page is walked with generated hostile values
// (test/hostile.ts) for each param it reads, in Chromium: the error boundary, a page error or a
// console error fails the walk, and the notice must name exactly what the shared parsers refuse.
import fc from "fast-check";
import { type Page, expect, test } from "@playwright/test";
import { type ParamNotice, firstValues, metricsNotices, swapReversed } from "@/lib/filters";
import { printable } from "@/lib/input-checks";
import { accountListSchema } from "@/lib/validation/accounts";
import { searchNotices } from "@/lib/validation/params";
import { cancelFlowPageSchema } from "@/lib/validation/cancel-flow";
import { workbenchFiltersSchema } from "@/lib/validation/taxonomy";
import { queueFiltersSchema } from "@/lib/validation/triage";
import { auditFiltersSchema } from "@/lib/validation/users";
import { deliveryLogSchema } from "@/lib/validation/webhooks";
import { HOSTILE, hostileText } from "@/test/hostile";
import { waitForHydration } from "./hydrated";
import { storageState } from "./users";

test.use({ storageState: storageState("admin") });

/** Next's own error pages: what a crash shows instead of the page. */
const BOUNDARY = /couldn.t load|Application error|client-side exception|server-side exception|Internal Server Error/i;

type Search = Record<string, string | string[]>;
const recordOf = (params: URLSearchParams): Search => {
  const out: Search = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
};

interface Target {
  path: string;
  keys: string[];
  /** The notices the page must show for a search, from the same shared checks the page runs. */
  notices: (params: URLSearchParams) => ParamNotice[];
}

const METRICS_KEYS = ["from", "to", "segment", "plan", "drill"];
const metrics = (path: string, reports: string[], extra: string[]): Target => ({
  path,
  keys: [...METRICS_KEYS, ...extra],
  notices: (params) => metricsNotices(params, reports),
});
const listPage = (path: string, schema: Parameters<typeof searchNotices>[0]): Target => ({
  path,
  keys: Object.keys(schema.shape),
  notices: (params) => searchNotices(schema, recordOf(params)),
});

const TARGETS: Target[] = [
  metrics("/overview", [], []),
  metrics("/cohorts", ["cohorts"], ["view", "curves"]),
  metrics("/reasons", ["reasons"], ["measure", "vcategory", "vq", "vpage"]),
  listPage("/at-risk", queueFiltersSchema),
  listPage("/accounts", accountListSchema),
  listPage("/admin/workbench", workbenchFiltersSchema),
  listPage("/admin/webhooks", deliveryLogSchema),
  listPage("/admin/cancel-flow", cancelFlowPageSchema),
  {
    ...listPage("/admin/audit", auditFiltersSchema),
    notices: (params) => [
      ...searchNotices(auditFiltersSchema, recordOf(params)),
      ...swapReversed(auditFiltersSchema.parse(firstValues(recordOf(params)))).notices,
    ],
  },
  // Pages that read no search param: whatever the URL holds is not theirs, and says nothing.
  ...[
    "/admin",
    "/admin/api-keys",
    "/admin/health",
    "/admin/taxonomy",
    "/import",
    "/docs/metrics",
    "/account/password",
  ].map((path): Target => ({ path, keys: ["q", "page", "from", "drill"], notices: () => [] })),
];

/** Broken percent-encodings, sent as they are: a lone surrogate's UTF-8 form, a cut sequence, a bare %. */
const RAW = ["%", "%E0%A4%A", "%ED%A0%80", "%C0%80", "%FF", "%00", "a%2", "%uD800"];
/** Values a person pastes by mistake: the months and drills of the bug report among them. */
const WRONG = ["garbage", "2026-1", "2026-13", "churned:2026-1", "churned:2026-13", "cohort:2030-01:999", "reasons:"];

/** A value as it travels in a URL: percent-encoded (a lone surrogate as U+FFFD), or raw garbage. */
const urlValue = fc.oneof(
  { weight: 5, arbitrary: hostileText.filter((v) => v.length <= 2_000).map((v) => encodeURIComponent(printable(v))) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG) },
);

/** A query for a target: most of its keys with a value, some repeated. */
const queryFor = (keys: string[]) =>
  fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), fc.nat(9), urlValue, urlValue))).map((entries) =>
    entries
      .filter(([, roll]) => roll < 7)
      .flatMap(([k, roll, a, b]) => (roll === 0 ? [`${k}=${a}`, `${k}=${b}`] : [`${k}=${a}`]))
      .join("&"),
  );

// Chromium loads per page: the bug report's values under every key at once, then generated mixes.
// The server side of the same surface takes 1,000+ generated URLs in e2e/fuzz-pages.spec.ts.
const SAMPLES = Number(process.env.HOLDFAST_BAD_URL_SAMPLES ?? 1);

/** Loads `url` and collects what would mean a crash: a status, the boundary, page and console errors. */
async function visit(page: Page, url: string, expectedStatus: number): Promise<string[]> {
  const problems: string[] = [];
  const onError = (e: Error) => problems.push(`page error: ${e.message.slice(0, 200)}`);
  const onConsole = (m: { type(): string; text(): string }) => {
    const text = m.text();
    // A 404 page's own document is a "failed" resource load in Chromium's console.
    if (m.type() === "error" && !(expectedStatus === 404 && /status of 404/.test(text)))
      problems.push(`console error: ${text.slice(0, 200)}`);
  };
  page.on("pageerror", onError);
  page.on("console", onConsole);
  try {
    const status = (await page.goto(url))?.status();
    if (status !== expectedStatus) problems.push(`status ${status}`);
    await waitForHydration(page);
    const body = await page.locator("body").innerText();
    if (BOUNDARY.test(body)) problems.push(`error page: ${body.slice(0, 120)}`);
  } finally {
    page.off("pageerror", onError);
    page.off("console", onConsole);
  }
  return problems;
}

async function noticesShown(page: Page): Promise<string[]> {
  const notice = page.getByTestId("param-notice");
  if ((await notice.count()) === 0) return [];
  return notice.locator("p").allTextContents();
}

test.describe("the links of the bug report", () => {
  for (const [url, text] of [
    ["/overview?drill=garbage", "Ignored drill=garbage: not a valid drill-through."],
    ["/overview?drill=churned:2026-1", "Ignored drill=churned:2026-1: not a valid drill-through."],
    ["/overview?drill=churned:2026-13", "Ignored drill=churned:2026-13: not a valid drill-through."],
    ["/reasons?drill=NaN", "Ignored drill=NaN: not a valid drill-through."],
    ["/cohorts?from=2026-13", "Ignored from=2026-13: not a month written YYYY-MM in the years 1970–2100."],
    ["/at-risk?on=2026-02-31", "Ignored on=2026-02-31: not a real date written YYYY-MM-DD in the years 1970–2100."],
    ["/accounts?status=gone&page=-1", "Ignored status=gone: not one of none, trial, active, paused, canceled."],
  ] as const) {
    test(`${url} renders, saying what it ignored`, async ({ page }) => {
      expect(await visit(page, url, 200)).toEqual([]);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
      // Reload gives the same page, not a crash.
      expect(await visit(page, url, 200)).toEqual([]);
      await expect(page.getByTestId("param-notice")).toContainText(text);
    });
  }

  test("a drill-through to a cohort cell that does not exist opens an empty list", async ({ page }) => {
    expect(await visit(page, "/cohorts?drill=cohort:2030-01:5", 200)).toEqual([]);
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("No account is behind this figure.");
    await expect(page.getByTestId("param-notice")).toHaveCount(0);
  });
});

test.describe("a reversed range", () => {
  test("the page swaps from and to, says so, and its charts keep loading", async ({ page }) => {
    expect(await visit(page, "/reasons?from=2025-06&to=2025-01", 200)).toEqual([]);
    await expect(
      page.getByRole("status").filter({ hasText: "From 2025-06 is after to 2025-01: the two are swapped." }),
    ).toBeVisible();
    const filters = page.getByRole("form", { name: "Filters" });
    await expect(filters.getByLabel("From")).toHaveValue("2025-01");
    await expect(filters.getByLabel("To")).toHaveValue("2025-06");
    // A change of filter asks the read API for the swapped range: no 400 behind the charts.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/v1/metrics/reasons?")),
      filters.getByLabel("Segment").selectOption("smb"),
    ]);
    expect(answer.url()).toContain("from=2025-01&to=2025-06");
    expect(answer.status()).toBe(200);
    await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
    // Moving one end writes both ends in order, and the notice goes.
    await filters.getByLabel("To").fill("2025-08");
    await expect(page).toHaveURL(/from=2025-01/);
    await expect(page).toHaveURL(/to=2025-08/);
    await expect(page.getByTestId("param-notice")).toHaveCount(0);
  });
});

test("the account filters show what the page read, not a refused value", async ({ page }) => {
  expect(await visit(page, "/accounts?q=acme%00corp&segment=garbage&status=trial", 200)).toEqual([]);
  const filters = page.getByRole("search");
  await expect(filters.getByLabel("Search accounts")).toHaveValue("");
  await expect(filters.getByLabel("Segment")).toHaveValue("");
  await expect(filters.getByLabel("Status")).toHaveValue("trial");
});

test.describe("hostile values on every page", () => {
  for (const target of TARGETS) {
    test(`${target.path}: renders with the notice of what it ignored`, async ({ page }) => {
      test.setTimeout(120_000);
      const seed = [...target.path].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) % 100_000;
      const queries = fc.sample(queryFor(target.keys), { numRuns: SAMPLES, seed });
      // Every key with a hostile example of the bug report (each notice names its key), then the
      // generated mixes.
      const examples = [target.keys.map((k, i) => `${k}=${WRONG[i % WRONG.length]}&${k}=%00`).join("&")];
      for (const query of [...examples, ...queries]) {
        const url = `${target.path}?${query}`;
        const problems = await visit(page, url, 200);
        expect(problems, url.slice(0, 300)).toEqual([]);
        const expected = target.notices(new URL(url, "http://x").searchParams).map((n) => n.text);
        expect(await noticesShown(page), url.slice(0, 300)).toEqual(expected);
      }
    });
  }

  test("a route param no row can have is a plain 404", async ({ page }) => {
    test.setTimeout(120_000);
    const values = [
      ...HOSTILE.filter((v) => v.trim() !== "" && v.length < 2_000),
      ...fc.sample(hostileText, { numRuns: 6, seed: 4242 }),
    ]
      .map((v) => encodeURIComponent(printable(v)))
      // A few in Chromium (the page's 404 hydrates); the 1,000+ of e2e/fuzz-pages.spec.ts are plain requests.
      .filter((v, i) => v !== "" && v !== "." && v !== ".." && i % 6 === 0);
    for (const base of ["/accounts/", "/docs/"]) {
      for (const value of values) {
        const problems = await visit(page, `${base}${value}`, 404);
        expect(problems, `${base}${value}`.slice(0, 200)).toEqual([]);
        await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      }
    }
  });
});
