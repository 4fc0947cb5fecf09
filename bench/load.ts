// Load: autocannon with 20 connections on the overview, cohorts and queue pages (signed in) and
// on the ingestion API (an API key with a high limit); errors other than 429 are counted.
import autocannon from "autocannon";
import { z } from "zod";
import { percentile } from "./stats";

export interface LoadFigure {
  target: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
  limited: number;
}

/** Signs in through Auth.js's own flow and returns the session cookie. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await csrf.json());
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/overview` }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`Sign-in for the load test failed (${response.status}).`);
  return session;
}

async function hammer(target: string, options: autocannon.Options): Promise<LoadFigure> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: 20, ...options }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const limited = result.statusCodeStats?.["429"]?.count ?? 0;
  return {
    target,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    errors: result.errors + result.timeouts + (result.non2xx - limited),
    limited,
  };
}

export async function loadTest(
  url: string,
  cookie: string,
  apiKey: string,
  accounts: string[],
  seconds: number,
): Promise<LoadFigure[]> {
  const figures: LoadFigure[] = [];
  for (const page of ["/overview", "/cohorts", "/at-risk"]) {
    figures.push(await hammer(`GET ${page}`, { url: `${url}${page}`, duration: seconds, headers: { cookie } }));
  }
  const items = Array.from({ length: 100 }, (_, i) => ({
    accountExternalId: accounts[i % accounts.length],
    userRef: `load-${i % 9}`,
    feature: "dashboards",
    occurredAt: new Date(Date.now() - (i % 20) * 86_400_000).toISOString(),
  }));
  figures.push(
    await hammer("POST /api/v1/activity (100 events)", {
      url: `${url}/api/v1/activity`,
      method: "POST",
      duration: seconds,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ items }),
    }),
  );
  return figures;
}

export function printLoad(figures: LoadFigure[]): void {
  console.log("  load (autocannon, 20 connections):");
  for (const f of figures) {
    console.log(
      `    ${f.target.padEnd(36)} ${f.requests.toLocaleString("en-US").padStart(7)} requests, ${f.perSecond.toFixed(0).padStart(5)}/s, p50 ${f.p50.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms, ${f.errors} errors${f.limited ? `, ${f.limited} × 429` : ""}`,
    );
  }
  const errors = figures.reduce((s, f) => s + f.errors, 0);
  console.log(`  target: zero errors under load other than 429 — ${errors === 0 ? "met" : `NOT met (${errors})`}`);
}
