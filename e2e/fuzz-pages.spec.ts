// Fuzzing every page's search params and route params against the production build: generated
// values (NUL, lone surrogates, years 0000 and 9999, impossible days, 10 kB, repeated keys, broken
// percent-encoding) never answer ≥ 500 nor carry one of Next's error digests in the HTML; a bad
// search value is ignored (200), a bad route param is a plain 404. A sample of the same URLs loads
// in Chromium without a page error.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { type APIRequestContext, type Page, expect, request as playwrightRequest, test } from "@playwright/test";
import { HOSTILE, hostileText } from "@/test/hostile";
import { MATRIX } from "./authz-matrix";
import { e2eBaseUrl } from "./env";
import { storageState } from "./users";

const RUNS = Number(process.env.HOLDFAST_FUZZ_RUNS ?? 1000);
const BROWSER_SAMPLE = 30;
const PARALLEL = 4;

const TEN_KB = "x".repeat(10_240);

/** The search params each page reads (lib/filters.ts, lib/validation, the charts' own URL state). */
const METRICS_KEYS = ["from", "to", "segment", "plan", "drill", "view", "curves", "measure"];
const KEYS_OF: Record<string, string[]> = {
  "GET /overview": METRICS_KEYS,
  "GET /cohorts": METRICS_KEYS,
  "GET /reasons": [...METRICS_KEYS, "vcategory", "vq", "vpage"],
  "GET /at-risk": ["tab", "who", "status", "segment", "owner", "page", "on"],
  "GET /accounts": ["q", "segment", "status", "page"],
  "GET /admin/audit": ["actor", "action", "entity", "q", "from", "to", "page"],
  "GET /admin/workbench": ["category", "q", "code", "page"],
  "GET /admin/webhooks": ["endpoint", "status", "page", "delivery"],
  "GET /sign-in": ["callbackUrl"],
  "GET /alerts": ["rule"],
};
/** Pages that read no search param get the common ones. */
const OTHER_KEYS = ["q", "page"];
const KEYS = [...new Set([...Object.values(KEYS_OF).flat(), ...OTHER_KEYS, "asOf"])];
const keysOf = (t: Target) => KEYS_OF[t.route] ?? OTHER_KEYS;

/** Each of these under each key a page reads: the explicit examples of the search-param surface. */
const EXAMPLE_VALUES = ["%00", "a%00b", "%ED%A0%80", "0000-01", "9999-12-31", "2026-02-31", "2026-13-45", "%"];

/** Broken percent-encodings sent as they are: a lone surrogate in UTF-8 form, a cut sequence, a bare %. */
const RAW = ["%", "%E0%A4%A", "%ED%A0%80", "%ED%B0%80x", "%C0%80", "%FF", "%00", "%2F..%2F", "%25", "a%2", "%uD800"];

/** A value as it travels in a URL: percent-encoded, with lone surrogates in their (invalid) UTF-8 form. */
function encoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        const u = ch.charCodeAt(0);
        if (ch.length === 1 && u >= 0xd800 && u <= 0xdfff)
          return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 63), 0x80 | (u & 63)]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join("");
        return encodeURIComponent(ch);
      })
      .join("");
  }
}

const valueText = fc.oneof(
  { weight: 8, arbitrary: hostileText.map(encoded) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW) },
);
/** A query string for a page: mostly the keys it reads (a key may repeat), some others, some junk. */
const queryFor = (keys: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 7, arbitrary: fc.constantFrom(...keys) },
          { weight: 2, arbitrary: fc.constantFrom(...KEYS) },
          { weight: 1, arbitrary: valueText },
        ),
        fc.oneof({ weight: 9, arbitrary: valueText }, { weight: 1, arbitrary: fc.constant(TEN_KB) }),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

interface Target {
  route: string;
  path: string;
  anonymous: boolean;
}

/** Pages from the authorization matrix (e2e/authz.spec.ts checks it lists every page under app/). */
function pages(account: string): Target[] {
  // The customer's cancel page is a route handler drawing plain HTML (no React to hydrate), reached
  // only with a live token: lib/cancel/page-answer.db.test.ts tries its refusals.
  const rows = MATRIX.filter(
    (r) => r.kind === "page" && r.route.startsWith("GET ") && !r.route.startsWith("GET /cancel/"),
  );
  return rows.map((r) => ({
    route: r.route,
    path: r.sample.replace("{account}", encodeURIComponent(account)),
    // Signed in, the sign-in page only redirects: its callbackUrl is read by visitors.
    anonymous: r.route === "GET /sign-in",
  }));
}

function digests(html: string): string[] {
  return [...html.matchAll(/digest\\?"\s*:\s*\\?"([^"\\]+)/g)].map((m) => m[1] ?? "");
}

interface Tally {
  tried: number;
  failures: string[];
  statuses: Map<number, number>;
}

async function check(
  ctx: APIRequestContext,
  url: string,
  tally: Tally,
  accept: { digests: (d: string[], status: number) => boolean },
) {
  tally.tried++;
  const response = await ctx.get(url, { maxRedirects: 5, timeout: 30_000 });
  const status = response.status();
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
  const found = digests(await response.text());
  if (status >= 500 || !accept.digests(found, status))
    tally.failures.push(`${url.slice(0, 160)} → ${status}${found.length ? ` digest ${found.join(",")}` : ""}`);
}

async function pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

function report(surface: string, tally: Tally) {
  const statuses = [...tally.statuses].map(([s, n]) => `${s}×${n}`).join(" ");
  console.log(
    `[fuzz] ${surface}: ${tally.tried} requests, ${tally.failures.length} answered ≥ 500 or carried an error digest (statuses ${statuses})`,
  );
}

let admin: APIRequestContext;
let visitor: APIRequestContext;
let account = "";

test.beforeAll(async () => {
  admin = await playwrightRequest.newContext({ baseURL: e2eBaseUrl(), storageState: storageState("admin") });
  visitor = await playwrightRequest.newContext({ baseURL: e2eBaseUrl(), storageState: { cookies: [], origins: [] } });
  const list = await (await admin.get("/accounts")).text();
  account = decodeURIComponent(/href="\/accounts\/([^"?]+)"/.exec(list)?.[1] ?? "");
  expect(account).not.toBe("");
});

test.afterAll(async () => {
  await admin.dispose();
  await visitor.dispose();
});

/** Every page.tsx under app/, as `GET /pattern` (route groups removed). */
function discoverPages(dir = "app", segments: string[] = []): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const group = /^\(.*\)$/.test(entry.name);
      return discoverPages(path.join(dir, entry.name), group ? segments : [...segments, entry.name]);
    }
    return /^page\.tsx?$/.test(entry.name) ? [`GET /${segments.join("/")}`] : [];
  });
}

test("the fuzzed pages are every page under app/", () => {
  const fuzzed = pages("x").map((p) => p.route);
  expect(fuzzed.sort()).toEqual(discoverPages().sort());
});

const join = (t: Target, q: string) => `${t.path}${t.path.includes("?") ? "&" : "?"}${q}`;

/** Generated queries for the pages, `runs` of them, each page as likely as another. */
function generatedSearches(targets: Target[], runs: number, seed: number): { target: Target; url: string }[] {
  return fc
    .sample(
      fc.nat(targets.length - 1).chain((i) => queryFor(keysOf(targets[i] as Target)).map((q) => ({ i, q }))),
      { numRuns: runs, seed },
    )
    .map(({ i, q }) => {
      const target = targets[i] as Target;
      return { target, url: join(target, q) };
    });
}

/**
 * The search-param URLs: on each page, each example value under every key it reads at once, and
 * every key repeated after a valid value; then generated ones, at least `RUNS` in all.
 */
function searchUrls(targets: Target[]): { target: Target; url: string }[] {
  const examples = targets.flatMap((t) => [
    ...EXAMPLE_VALUES.map((v) => ({
      target: t,
      url: join(
        t,
        keysOf(t)
          .map((k) => `${k}=${v}`)
          .join("&"),
      ),
    })),
    {
      target: t,
      url: join(
        t,
        keysOf(t)
          .map((k) => `${k}=2024-01&${k}=%00`)
          .join("&"),
      ),
    },
    // A 10 kB value alone: several in one URL would pass the server's header limit and test only that.
    { target: t, url: join(t, `${keysOf(t)[0]}=${TEN_KB}`) },
  ]);
  return [...examples, ...generatedSearches(targets, Math.max(RUNS - examples.length, RUNS / 2), 6006)];
}

test("generated search params on every page: never ≥ 500, no error digest, ignored (200)", async () => {
  test.setTimeout(600_000);
  const tally: Tally = { tried: 0, failures: [], statuses: new Map() };
  const urls = searchUrls(pages(account));
  await pool(urls, ({ target, url }) =>
    check(target.anonymous ? visitor : admin, url, tally, {
      // A value in the query string is ignored, so the page renders: 200 (431 for a URL too long to read).
      digests: (d, status) => d.length === 0 && (status === 200 || status === 431),
    }),
  );
  report("pages, search params", tally);
  expect(tally.failures.slice(0, 10), `${tally.failures.length} of ${tally.tried}`).toEqual([]);
});

const segment = fc.oneof(
  { weight: 8, arbitrary: hostileText.map(encoded) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW, "..", "%2e%2e", ".", "a%2Fb") },
);

/** Route params of the pages with one (accounts/[externalId], docs/[name]), and of the account API. */
function routeUrls(bases: string[], runs: number, seed: number): string[] {
  const examples = bases.flatMap((b) => [...HOSTILE.map(encoded), ...RAW].map((v) => `${b}${v}`));
  const generated = fc
    .sample(fc.tuple(fc.constantFrom(...bases), segment), { numRuns: runs, seed })
    .map(([b, s]) => `${b}${s}`);
  return [...examples, ...generated];
}

test("generated route params: never ≥ 500, a bad one is a plain 404", async () => {
  test.setTimeout(600_000);
  for (const [surface, urls] of [
    ["pages, route params", routeUrls(["/accounts/", "/docs/"], RUNS, 7007)],
    ["GET /api/v1/accounts/{externalId}, route param", routeUrls(["/api/v1/accounts/"], RUNS / 4, 7008)],
  ] as const) {
    const tally: Tally = { tried: 0, failures: [], statuses: new Map() };
    await pool([...urls], (url) =>
      check(admin, url, tally, {
        // Not found is an answer; any other digest is a server error in disguise.
        digests: (d) => d.every((x) => x === "NEXT_HTTP_ERROR_FALLBACK;404"),
      }),
    );
    report(surface, tally);
    expect(tally.failures.slice(0, 10), `${surface}: ${tally.failures.length} of ${tally.tried}`).toEqual([]);
  }
});

test.describe("a sample in Chromium", () => {
  test.use({ storageState: storageState("admin") });

  test(`${BROWSER_SAMPLE} fuzzed URLs load and hydrate without a page error`, async ({ page }) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    const targets = pages(account).filter((t) => !t.anonymous);
    // URLs short enough to be read (a 10 kB value is a 431, which Chromium does not render).
    const searches = generatedSearches(targets, BROWSER_SAMPLE * 3, 8008)
      .map((s) => s.url)
      .filter((url) => url.length < 4000)
      .slice(0, BROWSER_SAMPLE - 6);
    const urls = [...searches, ...routeUrls(["/accounts/", "/docs/"], 6, 8009).slice(-6)];
    for (const url of urls) await load(page, url, problems);
    console.log(`[fuzz] pages in Chromium: ${urls.length} loads, ${problems.length} page errors or pages not hydrated`);
    expect(problems).toEqual([]);
  });
});

/** Loads `url`; a status ≥ 500, a page error, or a page (or not-found page) that never hydrates is a problem. */
async function load(page: Page, url: string, problems: string[]) {
  const shortUrl = url.slice(0, 120);
  const onError = (error: Error) => problems.push(`${shortUrl}: page error ${error.message}`);
  page.on("pageerror", onError);
  const status = (await page.goto(url))?.status() ?? 0;
  if (status >= 500) problems.push(`${shortUrl}: ${status}`);
  if (status === 200 || status === 404) {
    const hydrated = await page
      .locator("html[data-hydrated]")
      .waitFor({ state: "attached", timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    if (!hydrated) problems.push(`${shortUrl}: ${status}, never hydrated`);
  }
  page.off("pageerror", onError);
}
