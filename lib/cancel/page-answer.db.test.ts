// GET and POST /cancel/<token> through their answerers on a real database: every path a customer
// takes (post-redirect-get at each step), refusals shown on the step they came from, polite
// notices that show no account data, the headers of every answer, and the rate limits.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { cancelSessionById } from "@/db/queries/cancel-sessions";
import { accounts, cancellationResponses } from "@/db/schema";
import { CANCEL_PAGE_LIMITS, answerCancelPageGet, answerCancelPagePost } from "@/lib/cancel/page-answer";
import { TALK_URL, ensureTestDefaultFlow, startSession } from "@/test/cancel-flow-fixture";
import { setupTestDb } from "@/test/db";
import { makeAccounts } from "@/test/factories";

const t = setupTestDb();

const T0 = new Date("2026-03-02T12:00:00.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

let ipCounter = 0;
// Small limits for the tests of the limits, filled in a few requests; the real ones are checked there.
const LIMITS = { perToken: 4, perAddress: 6, seconds: 60 };

/** A client of the page: its own address (so the per-address limit is its own), a clock, the token. */
function client(db: Db, token: string, ip = `203.0.113.${++ipCounter}`, limits = CANCEL_PAGE_LIMITS) {
  const ctx = (now: Date) => ({ db, token, nonce: "test-nonce", currency: "EUR", now, limits });
  const headers = { "x-holdfast-client-ip": ip };
  return {
    get: (now = T0) => answerCancelPageGet(new Request(`http://h.test/cancel/${token}`, { headers }), ctx(now)),
    post: (fields: Record<string, string>, now = T0, type = "application/x-www-form-urlencoded") =>
      answerCancelPagePost(
        new Request(`http://h.test/cancel/${token}`, {
          method: "POST",
          headers: { ...headers, "content-type": type },
          body: new URLSearchParams(fields).toString(),
        }),
        ctx(now),
      ),
  };
}

async function newSession(options: { preview?: boolean; locale?: string; seats?: number } = {}) {
  await ensureTestDefaultFlow(t.db);
  const [account = ""] = await makeAccounts(t.db, 1, "page");
  if (options.seats !== undefined)
    await t.db.update(accounts).set({ seatsPaid: options.seats }).where(eq(accounts.id, account));
  const session = await startSession(t.db, account, T0, options);
  return { ...session, account, page: client(t.db, session.token) };
}

function expectPageHeaders(response: Response) {
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-robots-tag")).toBe("noindex");
  expect(response.headers.get("set-cookie")).toBeNull();
  expect(response.headers.get("content-security-policy")).toContain("style-src 'nonce-test-nonce'");
  expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
}

/** The page's HTML with each run of white space made one space (the template's line breaks are not content). */
async function html(response: Response, status = 200): Promise<string> {
  expect(response.status).toBe(status);
  expectPageHeaders(response);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  return (await response.text()).replace(/\s+/g, " ");
}

function redirected(response: Response, to: string) {
  expect(response.status).toBe(303);
  expectPageHeaders(response);
  expect(response.headers.get("location")).toBe(to);
}

const answersOf = (account: string) =>
  t.db.select().from(cancellationResponses).where(eq(cancellationResponses.accountId, account));

describe("the cancel page's answers", () => {
  it("walks loss → reason → offer and takes a pause, then shows the saved screen with the return link", async () => {
    const s = await newSession({ seats: 7 });
    const self = `/cancel/${s.token}`;
    const loss = await html(await s.page.get());
    expect(loss).toContain("What you would lose");
    expect(loss).toContain('<span class="figure">7</span>');
    expect(loss).toContain('name="action"');
    expect((await cancelSessionById(t.db, s.id))?.session.openedAt).toEqual(T0);

    redirected(await s.page.post({ step: "loss", action: "continue" }), self);
    const reason = await html(await s.page.get());
    expect(reason).toContain('value="unused"');
    expect(reason).toContain('value="other"');

    redirected(await s.page.post({ step: "reason", action: "reason", reason: "unused" }), self);
    const offer = await html(await s.page.get());
    // Resume months counted from March 2026.
    expect(offer).toContain("Resumes in May 2026");
    expect(offer).toContain('name="months" value="3"');

    redirected(await s.page.post({ step: "offer", action: "accept", months: "2" }), self);
    const saved = await html(await s.page.get(later(MIN)));
    expect(saved).toContain("Thank you");
    expect(saved).toContain(`href="https://app.example.com/billing?holdfast_session=${s.id}&amp;outcome=saved"`);
    const [answer] = await answersOf(s.account);
    expect(answer).toMatchObject({ reasonCode: "unused", offerShown: "pause", offerAccepted: true, outcome: "paused" });
  });

  it("cancels straight from the first step, asking nothing more", async () => {
    const s = await newSession();
    await s.page.get();
    redirected(await s.page.post({ step: "loss", action: "cancel" }), `/cancel/${s.token}`);
    const goodbye = await html(await s.page.get());
    expect(goodbye).toContain("Cancelled");
    expect(goodbye).toContain("Your data stays 90 days.");
    expect(goodbye).toContain("Come back any time.");
    expect(goodbye).toContain(`holdfast_session=${s.id}&amp;outcome=canceled`);
    const [answer] = await answersOf(s.account);
    expect(answer).toMatchObject({ reasonCode: "no_answer", outcome: "canceled" });
  });

  it("declines the offer and confirms", async () => {
    const s = await newSession();
    await s.page.post({ step: "loss", action: "continue" });
    await s.page.post({ step: "reason", action: "reason", reason: "too_complex" });
    const offer = await html(await s.page.get());
    // The downgrade's price in the installation's currency, in the session's locale (en-US).
    expect(offer).toContain("Switch to Starter for €19 a month");
    redirected(await s.page.post({ step: "offer", action: "decline" }), `/cancel/${s.token}`);
    expect(await html(await s.page.get())).toContain("It ends at the close of the period.");
    await s.page.post({ step: "confirm", action: "confirm" });
    const [answer] = await answersOf(s.account);
    expect(answer).toMatchObject({ reasonCode: "too_complex", offerShown: "downgrade", outcome: "canceled" });
  });

  it("sends the customer to the talk-to-us link after saving", async () => {
    const s = await newSession();
    await s.page.post({ step: "loss", action: "continue" });
    await s.page.post({ step: "reason", action: "reason", reason: "missing_features" });
    const followUp = await html(await s.page.get());
    expect(followUp).toContain('<label for="free-text">What was missing?</label>');
    expect(followUp).toContain(" required");
    await s.page.post({ step: "follow_up", action: "follow_up", freeText: "SSO <script>" });
    redirected(await s.page.post({ step: "offer", action: "talk" }), TALK_URL);
    const loaded = await cancelSessionById(t.db, s.id);
    expect(loaded?.session).toMatchObject({ status: "saved", freeText: "SSO <script>" });
  });

  it("shows a refusal on its own step (422), announced, and keeps what was typed", async () => {
    const s = await newSession();
    await s.page.post({ step: "loss", action: "continue" });
    const noReason = await html(await s.page.post({ step: "reason", action: "reason" }), 422);
    expect(noReason).toContain('role="alert"');
    expect(noReason).toContain("Please choose one of the reasons.");
    await s.page.post({ step: "reason", action: "reason", reason: "missing_features" });
    const empty = await html(await s.page.post({ step: "follow_up", action: "follow_up", freeText: "  " }), 422);
    expect(empty).toContain("Please answer the question, or cancel without answering.");
    expect(empty).toContain('aria-invalid="true"');
    const nul = await html(await s.page.post({ step: "follow_up", action: "follow_up", freeText: "a\u0000b" }), 422);
    expect(nul).toContain("Your answer must not contain the NUL character");
    const long = await html(
      await s.page.post({ step: "follow_up", action: "follow_up", freeText: "x".repeat(5001) }),
      422,
    );
    expect(long).toContain("Your answer is too long: please keep it to 5000 characters.");
    expect(long).toContain(`${"x".repeat(5001)}</textarea>`);
    expect((await cancelSessionById(t.db, s.id))?.session.step).toBe("follow_up");
  });

  it("refuses a pause without its months on the offer step", async () => {
    const s = await newSession();
    await s.page.post({ step: "loss", action: "continue" });
    await s.page.post({ step: "reason", action: "reason", reason: "unused" });
    expect(await html(await s.page.post({ step: "offer", action: "accept" }), 422)).toContain("1 to 3 months");
    expect(await html(await s.page.post({ step: "offer", action: "accept", months: "4" }), 422)).toContain(
      "1 to 3 months",
    );
    expect((await cancelSessionById(t.db, s.id))?.session.status).toBe("open");
  });

  it("sends a form from another step (a second tab) back to the current step, changing nothing", async () => {
    const s = await newSession();
    redirected(await s.page.post({ step: "offer", action: "decline" }), `/cancel/${s.token}`);
    redirected(await s.page.post({ step: "loss", action: "talk" }), `/cancel/${s.token}`);
    redirected(await s.page.post({ step: "loss", action: "continue" }, T0, "text/plain"), `/cancel/${s.token}`);
    expect((await cancelSessionById(t.db, s.id))?.session.step).toBe("loss");
  });

  it("goes back a step", async () => {
    const s = await newSession();
    await s.page.post({ step: "loss", action: "continue" });
    await s.page.post({ step: "reason", action: "back" });
    expect((await cancelSessionById(t.db, s.id))?.session.step).toBe("loss");
  });

  it("shows the goodbye again within the hour after the end, then the polite used notice", async () => {
    const s = await newSession();
    await s.page.post({ step: "loss", action: "cancel" });
    expect(await html(await s.page.get(later(59 * MIN)))).toContain("Cancelled");
    const used = await html(await s.page.get(later(61 * MIN)), 410);
    expect(used).toContain("already been used");
    expect(used).toContain("for Acme");
    expect(used).not.toContain(s.account);
    // A form posted to the ended session goes to the page, which says so.
    redirected(await s.page.post({ step: "loss", action: "continue" }, later(2 * MIN)), `/cancel/${s.token}`);
  });

  it("answers an unknown, malformed, expired or abandoned token with a polite page and no account data", async () => {
    const unknown = await html(await client(t.db, "A".repeat(32)).get(), 404);
    expect(unknown).toContain("This cancellation link does not work");
    expect(await html(await client(t.db, "bad token!").get(), 404)).toContain("does not work");

    const never = await newSession();
    const expired = await html(await never.page.get(later(61 * MIN)), 410);
    expect(expired).toContain("This cancellation link has expired");
    expect(expired).not.toContain("Acme");
    expect((await cancelSessionById(t.db, never.id))?.session.openedAt).toBeNull();

    const opened = await newSession();
    await opened.page.get();
    expect(await html(await opened.page.get(later(25 * 60 * MIN)), 410)).toContain("has expired");
    redirected(
      await opened.page.post({ step: "loss", action: "cancel" }, later(25 * 60 * MIN)),
      `/cancel/${opened.token}`,
    );
    expect(await answersOf(opened.account)).toEqual([]);
  });

  it("shows each token its own account's facts only", async () => {
    const a = await newSession({ seats: 3 });
    const b = await newSession({ seats: 911 });
    const pageA = await html(await a.page.get());
    const pageB = await html(await b.page.get());
    expect(pageA).toContain('<span class="figure">3</span>');
    expect(pageA).not.toContain("911");
    expect(pageB).toContain('<span class="figure">911</span>');
  });

  it("marks a preview session and formats in its locale", async () => {
    const s = await newSession({ preview: true, locale: "de-DE", seats: 1234 });
    const loss = await html(await s.page.get());
    expect(loss).toContain('<html lang="de-DE">');
    // The flow is not targeted at German, so its texts are English and so are the page's own words;
    // the figures are German.
    expect(loss).toContain("<strong>Preview</strong> — nothing is recorded");
    expect(loss).toContain('<span class="figure">1.234</span>');
  });

  it("limits each token's requests a minute, then answers 429 with Retry-After", async () => {
    expect(CANCEL_PAGE_LIMITS).toEqual({ perToken: 60, perAddress: 300, seconds: 60 });
    const s = await newSession();
    for (let i = 0; i < LIMITS.perToken; i++) {
      // Each from its own address, so only the token's counter fills.
      const response = await client(t.db, s.token, `198.51.100.${i}`, LIMITS).get(later(i * 100));
      expect(response.status).toBe(200);
    }
    const refused = await client(t.db, s.token, "198.51.100.250", LIMITS).get(later(30_000));
    const body = await html(refused, 429);
    expect(body).toContain("Too many requests");
    // The window opened at T0: 30 s left.
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(
      (await client(t.db, s.token, "198.51.100.251", LIMITS).post({ step: "loss", action: "cancel" }, later(31_000)))
        .status,
    ).toBe(429);
    expect((await cancelSessionById(t.db, s.id))?.session.status).toBe("open");
    // A minute after the window opened, the token works again.
    expect((await client(t.db, s.token, "198.51.100.252", LIMITS).get(later(60_000))).status).toBe(200);
  });

  it("limits each address's requests a minute, whatever the tokens", async () => {
    const ip = `192.0.2.${++ipCounter}`;
    for (let i = 0; i < LIMITS.perAddress; i++) {
      const response = await client(t.db, `unknown-token-${i}-xxxxxxxx`, ip, LIMITS).get();
      expect(response.status).toBe(404);
    }
    const refused = await client(t.db, "unknown-token-last-xxxxxxxx", ip, LIMITS).get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect((await client(t.db, "unknown-token-last-xxxxxxxx", `${ip}0`, LIMITS).get()).status).toBe(404);
  });
});
