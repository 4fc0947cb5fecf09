// Waiting for a page to be usable: the app marks <html data-hydrated> once React has hydrated the
// page (components/providers/hydration-marker.tsx); the charts' code arrives after that.
import { type Page, type Response, expect } from "@playwright/test";

/**
 * Waits for the page loaded last (by goto, reload or a link that loads a new document) to have
 * hydrated. A client-side navigation keeps the mark of the first page: wait for its content instead.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
}

export async function gotoHydrated(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

export async function reloadHydrated(page: Page): Promise<void> {
  await page.reload();
  await waitForHydration(page);
}

/** Waits for `count` charts to be drawn (their code is fetched only once the page has hydrated). */
export async function waitForCharts(page: Page, count: number): Promise<void> {
  await expect(page.locator(".recharts-wrapper svg.recharts-surface").first()).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(count);
}

/** How many charts each analytics page draws (with data). */
export const CHARTS: Record<string, number> = { "/overview": 1, "/cohorts": 1, "/reasons": 2 };
