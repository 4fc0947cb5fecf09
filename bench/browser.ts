// In the browser: Lighthouse 12 (desktop) with the system Chromium, median of 5 runs per page,
// signed in; and the JavaScript each page loads before it is interactive, gzip bytes as sent.
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";
export const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface PageFigures {
  path: string;
  chart: boolean;
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** JavaScript before interactive (the scripts the HTML names), kB gzip. */
  jsKb: number;
  /** All JavaScript by the time the network is idle, lazily loaded charts included. */
  jsTotalKb: number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * The JavaScript a page loads, gzip bytes as sent. `first`: the scripts the server's HTML names
 * (script tags and preloads), which must run before the page hydrates and answers input;
 * `total`: every script fetched until the network is idle, the lazily loaded charts included.
 */
async function scriptBytes(url: string, cookie: string, path: string): Promise<{ first: number; total: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1) });
  const context = await browser.newContext();
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name: name ?? "", value: value ?? "", url }]);
  const page = await context.newPage();
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") {
      sizes.push(
        r
          .request()
          .sizes()
          .then((s) => ({ url: new URL(r.url()).pathname, bytes: s.responseBodySize + s.responseHeadersSize })),
      );
    }
  });
  const response = await page.goto(`${url}${path}`, { waitUntil: "networkidle" });
  const html = (await response?.text()) ?? "";
  const scripts = await Promise.all(sizes);
  await browser.close();
  const kb = (list: { bytes: number }[]) => list.reduce((a, b) => a + b.bytes, 0) / 1024;
  return { first: kb(scripts.filter((s) => html.includes(s.url))), total: kb(scripts) };
}

export async function measurePages(
  url: string,
  cookie: string,
  pages: { path: string; chart: boolean }[],
  runs = 5,
): Promise<PageFigures[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const out: PageFigures[] = [];
  try {
    for (const { path, chart } of pages) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(
          `${url}${path}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
            extraHeaders: { cookie },
          },
          {
            extends: "lighthouse:default",
            settings: {
              formFactor: "desktop",
              screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
              throttlingMethod: "simulate",
              throttling: {
                rttMs: 40,
                throughputKbps: 10240,
                cpuSlowdownMultiplier: 1,
                requestLatencyMs: 0,
                downloadThroughputKbps: 0,
                uploadThroughputKbps: 0,
              },
            },
          },
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse gave no result for ${path}`);
        results.push({
          performance: (lhr.categories.performance?.score ?? 0) * 100,
          lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
          tbt: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
          cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
        });
      }
      const js = await scriptBytes(url, cookie, path);
      out.push({
        path,
        chart,
        performance: median(results.map((r) => r.performance)),
        lcpMs: median(results.map((r) => r.lcp)),
        tbtMs: median(results.map((r) => r.tbt)),
        cls: median(results.map((r) => r.cls)),
        jsKb: js.first,
        jsTotalKb: js.total,
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

export function printPages(figures: PageFigures[], runs: number): void {
  console.log(
    `  browser (Lighthouse 12 desktop, median of ${runs}; JavaScript gzip as sent: before interactive / all by network idle):`,
  );
  for (const f of figures) {
    const budget = f.chart ? 300 : 200;
    const ok = f.performance >= 95 && f.lcpMs <= 1500 && f.tbtMs <= 100 && f.cls <= 0.05 && f.jsKb <= budget;
    console.log(
      `    ${f.path.padEnd(34)} performance ${f.performance.toFixed(0).padStart(3)}, LCP ${f.lcpMs.toFixed(0).padStart(5)} ms, TBT ${f.tbtMs.toFixed(0).padStart(4)} ms, CLS ${f.cls.toFixed(3)}, JS ${f.jsKb.toFixed(0).padStart(4)} kB of ${budget} (${f.jsTotalKb.toFixed(0)} kB in all) — ${ok ? "met" : "NOT met"}`,
    );
  }
}
