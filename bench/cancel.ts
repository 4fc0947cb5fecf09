// The customer's cancel page (/cancel/<token>) against its targets: starting a session through the
// API (p95 ≤ 100 ms), the page's server time on the first opening and on a reload (p95 ≤ 200 ms),
// the JavaScript it loads (none) and its HTML's gzip size, and Lighthouse 12 mobile (the default
// form factor and throttling: performance ≥ 95, accessibility 100), a fresh session for every run.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import { asc, eq } from "drizzle-orm";
import lighthouse from "lighthouse";
import { z } from "zod";
import { openPglite } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { createApiKey } from "@/db/queries/api-keys";
import { accounts } from "@/db/schema";
import { CHROMIUM, FLAGS, median } from "./browser";
import { withServer } from "./ingest";
import { ms, percentile } from "./stats";

export const CANCEL_TARGETS = { createP95Ms: 100, pageP95Ms: 200, jsBytes: 0, performance: 95, accessibility: 100 };
const RETURN_ORIGIN = "https://app.example.com";
/** Requests before the clock starts: the server's first answers load the route's code. */
const WARM_UP = 5;

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export interface CancelFigures {
  /** Distinct accounts the sessions were started for. */
  accounts: number;
  create: Timing;
  firstOpening: Timing;
  reload: Timing;
  /** How many first openings showed each step (the loss step reads the account's usage). */
  steps: Record<string, number>;
  scripts: number;
  /** Script elements in the page's HTML (a cross-check of `scripts`). */
  scriptTags: number;
  jsBytes: number;
  htmlBytes: number;
  htmlGzipBytes: number;
  htmlSentBytes: number;
  lighthouse: {
    runs: number;
    performance: number;
    accessibility: number;
    fcpMs: number;
    lcpMs: number;
    tbtMs: number;
    cls: number;
    /** Accessibility audits that failed in any run, by id. */
    failed: string[];
  } | null;
}

const createdSchema = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() });

function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

/** A customer's own address (10.x.y.z, one per index), sent as X-Forwarded-For through a trusted proxy. */
const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** The time until the whole body has arrived, and the body. */
async function timed(url: string, init: RequestInit): Promise<{ ms: number; status: number; body: string }> {
  const start = performance.now();
  const response = await fetch(url, init);
  const body = await response.text();
  return { ms: performance.now() - start, status: response.status, body };
}

async function startSession(url: string, key: string, accountExternalId: string) {
  const r = await timed(`${url}/api/v1/cancel-sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ accountExternalId, userRef: "u001", returnUrl: `${RETURN_ORIGIN}/billing` }),
  });
  if (r.status !== 201) throw new Error(`POST /api/v1/cancel-sessions answered ${r.status}: ${r.body}`);
  return { ms: r.ms, url: createdSchema.parse(JSON.parse(r.body)).url };
}

async function openPage(pageUrl: string, from: string) {
  const r = await timed(pageUrl, { headers: { "x-forwarded-for": from, "accept-language": "en-US" } });
  if (r.status !== 200) throw new Error(`GET ${new URL(pageUrl).pathname} answered ${r.status}`);
  return { ms: r.ms, step: /name="step" value="([a-z_]+)"/.exec(r.body)?.[1] ?? "none" };
}

/** Every script the page loads until the network is idle (gzip bytes as sent), and its HTML. */
async function pageWeight(pageUrl: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1) });
  try {
    const page = await (await browser.newContext()).newPage();
    const scripts: Promise<number>[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script")
        scripts.push(
          r
            .request()
            .sizes()
            .then((s) => s.responseBodySize + s.responseHeadersSize),
        );
    });
    const response = await page.goto(pageUrl, { waitUntil: "networkidle" });
    if (!response || response.status() !== 200) throw new Error(`the cancel page answered ${response?.status()}`);
    const html = await response.text();
    const sent = (await response.request().sizes()).responseBodySize;
    const bytes = await Promise.all(scripts);
    return {
      scripts: bytes.length,
      scriptTags: (html.match(/<script\b/gi) ?? []).length,
      jsBytes: bytes.reduce((a, b) => a + b, 0),
      htmlBytes: Buffer.byteLength(html),
      htmlGzipBytes: gzipSync(html).length,
      htmlSentBytes: sent,
    };
  } finally {
    await browser.close();
  }
}

/** Lighthouse with its defaults (mobile, simulated slow 4G and 4× CPU slowdown), median of `runs`. */
async function lighthouseMobile(pageUrls: string[]): Promise<NonNullable<CancelFigures["lighthouse"]>> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const results = [];
  const failed = new Set<string>();
  try {
    for (const pageUrl of pageUrls) {
      const result = await lighthouse(pageUrl, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error("Lighthouse gave no result for the cancel page");
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit?.score !== null && audit?.score !== undefined && audit.score < 1)
          failed.add(ref.id);
      }
      results.push({
        performance: (lhr.categories.performance?.score ?? 0) * 100,
        accessibility: (lhr.categories.accessibility?.score ?? 0) * 100,
        fcp: lhr.audits["first-contentful-paint"]?.numericValue ?? Number.NaN,
        lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
        tbt: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
        cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
      });
    }
  } finally {
    chrome.kill();
  }
  return {
    runs: results.length,
    performance: median(results.map((r) => r.performance)),
    accessibility: median(results.map((r) => r.accessibility)),
    fcpMs: median(results.map((r) => r.fcp)),
    lcpMs: median(results.map((r) => r.lcp)),
    tbtMs: median(results.map((r) => r.tbt)),
    cls: median(results.map((r) => r.cls)),
    failed: [...failed],
  };
}

/**
 * Serves the PGlite database in `dir` (a loaded data set) on `port` with the cancel settings, and
 * measures the page: `sessions` sessions started for as many active accounts, each opened once and
 * reloaded once from an address of its own (the per-address limit is a customer's, not the
 * benchmark's), then a fresh session for the page's weight and for each Lighthouse run.
 */
export async function benchCancelPage(opts: {
  dir: string;
  port: number;
  sessions: number;
  lighthouseRuns: number;
}): Promise<CancelFigures> {
  const handle = await openPglite(`${opts.dir}/pglite`);
  const key = await createApiKey(
    handle.db,
    { name: "bench cancel", scopes: ["cancel"], rateLimitPerMinute: 1_000_000 },
    SYSTEM_ACTOR,
  );
  const active = (
    await handle.db
      .select({ externalId: accounts.externalId })
      .from(accounts)
      .where(eq(accounts.status, "active"))
      .orderBy(asc(accounts.id))
      .limit(WARM_UP + opts.sessions + 1 + opts.lighthouseRuns)
  ).map((r) => r.externalId);
  await handle.close();
  if (active.length === 0) throw new Error("The data set has no active account to start a cancel session for.");
  const account = (i: number) => active[i % active.length] ?? "";

  const url = `http://127.0.0.1:${opts.port}`;
  const settings = {
    HOLDFAST_DATA_DIR: opts.dir,
    DATABASE_URL: "",
    PUBLIC_URL: url,
    CANCEL_RETURN_ORIGINS: RETURN_ORIGIN,
    TRUSTED_PROXIES: "127.0.0.1,::1",
  };
  return withServer(opts.port, settings, async () => {
    for (let i = 0; i < WARM_UP; i++) {
      const s = await startSession(url, key.key, account(i));
      await openPage(s.url, address(i));
      await openPage(s.url, address(i));
    }
    const create: number[] = [];
    const links: string[] = [];
    for (let i = 0; i < opts.sessions; i++) {
      const s = await startSession(url, key.key, account(WARM_UP + i));
      create.push(s.ms);
      links.push(s.url);
    }
    const first: number[] = [];
    const steps: Record<string, number> = {};
    for (const [i, link] of links.entries()) {
      const r = await openPage(link, address(WARM_UP + i));
      first.push(r.ms);
      steps[r.step] = (steps[r.step] ?? 0) + 1;
    }
    const reload: number[] = [];
    for (const [i, link] of links.entries()) reload.push((await openPage(link, address(WARM_UP + i))).ms);

    let next = WARM_UP + opts.sessions;
    const weight = await pageWeight((await startSession(url, key.key, account(next++))).url);
    const lighthouseLinks: string[] = [];
    for (let i = 0; i < opts.lighthouseRuns; i++)
      lighthouseLinks.push((await startSession(url, key.key, account(next++))).url);
    const lh = lighthouseLinks.length > 0 ? await lighthouseMobile(lighthouseLinks) : null;
    return {
      accounts: new Set(links.map((_, i) => account(WARM_UP + i))).size,
      create: summarize(create),
      firstOpening: summarize(first),
      reload: summarize(reload),
      steps,
      ...weight,
      lighthouse: lh,
    };
  });
}

const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function timingLine(label: string, t: Timing, target: number): string {
  return (
    `    ${label.padEnd(36)} p50 ${ms(t.p50)}  p95 ${ms(t.p95)}  max ${ms(t.max)}  ` +
    `— target p95 ≤ ${target} ms ${verdict(t.p95 <= target)} (${(t.p95 / target).toFixed(2)} of the budget)`
  );
}

export function printCancel(f: CancelFigures): void {
  const T = CANCEL_TARGETS;
  console.log(
    `  cancel page: ${f.create.n} sessions for ${f.accounts} active accounts, sequential over HTTP, after ${WARM_UP} warm-up rounds; ` +
      `each page opened and reloaded from an address of its own (X-Forwarded-For); time to the whole body:`,
  );
  console.log(timingLine("POST /api/v1/cancel-sessions", f.create, T.createP95Ms));
  const steps = Object.entries(f.steps)
    .map(([step, n]) => `${n} ${step}`)
    .join(", ");
  console.log(timingLine(`GET /cancel/<token>, first opening`, f.firstOpening, T.pageP95Ms) + ` [steps: ${steps}]`);
  console.log(timingLine("GET /cancel/<token>, reload", f.reload, T.pageP95Ms));
  console.log(
    `    page weight: ${f.scripts} scripts (${f.scriptTags} script elements in the HTML), JavaScript ${kb(f.jsBytes)} gzip as sent — target ${T.jsBytes} ${verdict(f.jsBytes <= T.jsBytes)}; ` +
      `HTML ${kb(f.htmlGzipBytes)} gzip (${kb(f.htmlBytes)} raw, ${kb(f.htmlSentBytes)} as sent)`,
  );
  const lh = f.lighthouse;
  if (!lh) return;
  console.log(
    `    Lighthouse 12 mobile (default throttling), median of ${lh.runs}, a fresh session each: ` +
      `performance ${lh.performance.toFixed(0)} (target ≥ ${T.performance} ${verdict(lh.performance >= T.performance)}), ` +
      `accessibility ${lh.accessibility.toFixed(0)} (target ${T.accessibility} ${verdict(lh.accessibility >= T.accessibility)}); ` +
      `FCP ${lh.fcpMs.toFixed(0)} ms, LCP ${lh.lcpMs.toFixed(0)} ms, TBT ${lh.tbtMs.toFixed(0)} ms, CLS ${lh.cls.toFixed(3)}` +
      (lh.failed.length > 0 ? `; accessibility audits failed: ${lh.failed.join(", ")}` : ""),
  );
}
