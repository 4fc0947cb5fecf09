// The customer's cancel page (/cancel/<token>): every path by mouse, by keyboard alone and without
// JavaScript, at a phone's width and a desktop's; axe on every step in both themes; polite pages
// for links that open nothing; each link shows its own account only; screenshots of every step.
import fs from "node:fs";
import { axeViolations } from "./axe";
import { type Page, expect } from "@playwright/test";
import {
  type CancelLink,
  type Input,
  RETURN_URL,
  cancelLink,
  cancelTest as test,
  choose,
  press,
  typeInto,
} from "./cancel-page-helpers";
import { variantFor } from "@/lib/metrics/variant";

const SHOTS = "/tmp/shots/page";
const TALK = /^https:\/\/example\.com\//;

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

/** Opens the link, checks the answer's headers and that the page loads no script at all. */
async function open(page: Page, link: CancelLink): Promise<void> {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  const response = await page.goto(link.path);
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["x-robots-tag"]).toBe("noindex");
  expect(headers["set-cookie"]).toBeUndefined();
  expect(headers["content-security-policy"]).toContain("default-src 'none'");
  expect(scripts).toEqual([]);
  await expect(heading(page)).toHaveText("Before you go, here is what your team has built");
}

/** Reason → (its question) → the offer: the path every saved or declined walk shares. */
async function toReason(page: Page, how: Input, label: string): Promise<void> {
  await press(page, how, "Continue");
  await expect(heading(page)).toHaveText("Why are you cancelling?");
  await choose(page, how, label);
  await press(page, how, "Continue");
}

async function expectReturnLink(page: Page, link: CancelLink, outcome: "saved" | "canceled"): Promise<void> {
  const href = await page.getByRole("link", { name: /^Return to / }).getAttribute("href");
  const url = new URL(href ?? "");
  expect(`${url.origin}${url.pathname}`).toBe(RETURN_URL);
  expect(url.searchParams.get("holdfast_session")).toBe(link.id);
  expect(url.searchParams.get("outcome")).toBe(outcome);
}

const PATHS: Record<string, (page: Page, how: Input, link: CancelLink) => Promise<void>> = {
  "accepts a pause": async (page, how, link) => {
    await toReason(page, how, "We don't use it enough");
    await expect(heading(page)).toHaveText("What got in the way?");
    await press(page, how, "Continue");
    await expect(heading(page)).toHaveText("Would this help?");
    await choose(page, how, /^2 months/);
    await press(page, how, "Pause my subscription");
    await expect(heading(page)).toHaveText("Thank you for staying");
    await expectReturnLink(page, link, "saved");
  },
  "declines and cancels": async (page, how, link) => {
    await toReason(page, how, "It costs too much");
    await typeInto(page, how, page.getByLabel("What would a fair price be?"), "Half of it");
    await press(page, how, "Continue");
    // The demo's default flow tries 40 % for 2 months against 25 % for 3 on this reason, for half the
    // sessions (db/seed/flows.ts): the session's id says which this customer meets.
    const offer = variantFor(link.id, 0.5) === "B" ? /40\s?% off for 2 months/ : /25\s?% off for 3 months/;
    await expect(page.getByText(offer)).toBeVisible();
    await press(page, how, "No thanks, continue");
    await expect(heading(page)).toHaveText("Cancel your subscription?");
    await press(page, how, "Cancel subscription");
    await expect(heading(page)).toHaveText("Your subscription is cancelled");
    await expect(page.getByText("Your data stays in your account for 90 days")).toBeVisible();
    await expectReturnLink(page, link, "canceled");
  },
  "cancels straight from the first step": async (page, how, link) => {
    await press(page, how, "Cancel subscription");
    await expect(heading(page)).toHaveText("Your subscription is cancelled");
    await expectReturnLink(page, link, "canceled");
    // A reload shows the goodbye again, and nothing more is asked.
    await page.reload();
    await expect(heading(page)).toHaveText("Your subscription is cancelled");
  },
  "talks to us": async (page, how) => {
    // The booking link is on the web, which the tests cannot reach: the browser going there is the
    // proof (the headless shell does not let a route answer the target of a redirect, so the page
    // itself is not drawn).
    await page.route(TALK, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Book a call</title><h1>Booked</h1>" }),
    );
    await toReason(page, how, "It is missing something we need");
    await typeInto(page, how, page.getByLabel("What was missing?"), "Single sign-on");
    await press(page, how, "Continue");
    const booking = page.waitForRequest(TALK);
    await press(page, how, "Tell our product team");
    expect((await booking).isNavigationRequest()).toBe(true);
  },
  "leaves half-way and comes back to the same step": async (page, how, link) => {
    await toReason(page, how, "We are moving to another product");
    await expect(heading(page)).toHaveText("Which one, and why?");
    await page.goto("about:blank");
    await page.goto(link.path);
    await expect(heading(page)).toHaveText("Which one, and why?");
    await press(page, how, "Back");
    await expect(heading(page)).toHaveText("Why are you cancelling?");
    await expect(page.getByRole("radio", { name: "We are moving to another product" })).toBeChecked();
  },
};

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "with JavaScript turned off", () => {
    test.use({ javaScriptEnabled: javaScript });
    for (const how of ["mouse", "keyboard"] as const) {
      for (const [name, walk] of Object.entries(PATHS)) {
        test(`${name}, by ${how}`, async ({ page, cancelApi }) => {
          const link = await cancelLink(cancelApi);
          await open(page, link);
          await walk(page, how, link);
        });
      }
    }
  });
}

test("a refusal is announced on its step and focused", async ({ page, cancelApi }) => {
  const link = await cancelLink(cancelApi);
  await open(page, link);
  await press(page, "mouse", "Continue");
  await press(page, "mouse", "Continue");
  const alert = page.getByText("Please choose one of the reasons.");
  await expect(alert).toBeVisible();
  await expect(page.locator('[role="alert"]')).toBeFocused();
});

test("each link shows its own account's facts, and the session's locale", async ({ page, cancelApi }) => {
  const a = await cancelLink(cancelApi, { seats: 3 });
  const b = await cancelLink(cancelApi, { seats: 911, users: 4, locale: "de-DE" });
  await open(page, a);
  await expect(page.getByText("seats on your plan")).toBeVisible();
  await expect(page.locator(".figure", { hasText: /^3$/ })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("911");
  await open(page, b);
  await expect(page.locator("html")).toHaveAttribute("lang", "de-DE");
  await expect(page.locator(".figure", { hasText: /^911$/ })).toBeVisible();
  await expect(page.locator(".figure", { hasText: /^4$/ })).toBeVisible();
  // Four users on each of three features (Alerts and Dashboards on 4 days each, Exports on 3), in German.
  await expect(page.getByText("Alerts, Dashboards und Exports")).toBeVisible();
});

test("links that open nothing get polite pages with no account data", async ({ page, cancelApi }) => {
  const unknown = await page.goto("/cancel/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(unknown?.status()).toBe(404);
  expect(unknown?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(heading(page)).toHaveText("This cancellation link does not work");
  // An ended session: a form posted from a second tab, still on the first step, goes to its goodbye.
  const link = await cancelLink(cancelApi);
  await open(page, link);
  const stale = await page.context().newPage();
  await stale.goto(link.path);
  await press(page, "mouse", "Cancel subscription");
  await expect(heading(page)).toHaveText("Your subscription is cancelled");
  await press(stale, "mouse", "Continue");
  await expect(heading(stale)).toHaveText("Your subscription is cancelled");
  await stale.close();
});

test("a link never opened before its time is expired", async ({ page, cancelApi }) => {
  const link = await cancelLink(cancelApi);
  const wait = Date.parse(link.expiresAt) - Date.now();
  // The e2e server's CANCEL_SESSION_MINUTES is 1 (e2e/server.ts).
  expect(wait).toBeLessThanOrEqual(60_000);
  test.setTimeout(wait + 60_000);
  await expect.poll(() => Date.now() > Date.parse(link.expiresAt), { timeout: wait + 30_000 }).toBe(true);
  const response = await page.goto(link.path);
  expect(response?.status()).toBe(410);
  await expect(heading(page)).toHaveText("This cancellation link has expired");
  await expect(page.locator("body")).not.toContainText("Lumen");
});

/** Every step of one session, in order (each seen once its heading shows): loss, reason, follow-up, offer, confirm, goodbye. */
async function everyStep(page: Page, link: CancelLink, at: (step: string) => Promise<void>): Promise<void> {
  const step = async (name: string, title: string) => {
    await expect(heading(page)).toHaveText(title);
    await at(name);
  };
  await open(page, link);
  await step("loss", "Before you go, here is what your team has built");
  await press(page, "mouse", "Continue");
  await step("reason", "Why are you cancelling?");
  await choose(page, "mouse", "We don't use it enough");
  await press(page, "mouse", "Continue");
  await step("follow-up", "What got in the way?");
  await press(page, "mouse", "Continue");
  await step("offer", "Would this help?");
  await press(page, "mouse", "No thanks, continue");
  await step("confirm", "Cancel your subscription?");
  await press(page, "mouse", "Cancel subscription");
  await step("goodbye", "Your subscription is cancelled");
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds nothing on any step (${scheme})`, async ({ page, cancelApi }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const link = await cancelLink(cancelApi, { users: 3 });
    const found: string[] = [];
    const check = async (step: string) => {
      for (const v of await axeViolations(page, scheme))
        found.push(`${step}: ${v.id} (${v.impact}) ${v.nodes[0]?.target.join(" ")}`);
    };
    await everyStep(page, link, check);
    await page.goto("/cancel/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await check("unknown");
    expect(found).toEqual([]);
  });

  test(`screenshots of every step at 375 and 1440 px (${scheme})`, async ({ page, cancelApi }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme });
    const link = await cancelLink(cancelApi, { seats: 25, users: 6 });
    await everyStep(page, link, async (step) => {
      for (const width of [375, 1440]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        // Nothing sticks out sideways at a phone's width.
        if (width === 375)
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await page.screenshot({ path: `${SHOTS}/${step}-${width}-${scheme}.png`, fullPage: true });
      }
    });
    await page.goto("/cancel/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await page.screenshot({ path: `${SHOTS}/unknown-1440-${scheme}.png`, fullPage: true });
  });
}
