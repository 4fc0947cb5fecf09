// The cancel page's HTML: nothing an admin or a customer wrote can add markup, every step has its
// controls, and figures, months and money are in the session's locale.
import { describe, expect, it } from "vitest";
import type { CancelFlowContent, CancelOffer, CancelPageModel } from "@/lib/types/cancel-flow";
import type { CancelStep } from "@/lib/values";
import { accentPalette, contrast } from "./page-colors";
import { escapeHtml, html, safeUrl } from "./page-html";
import { renderCancelNotice, renderCancelPage } from "./render";

const XSS = `<script>alert(1)</script>"'><img src=x onerror=alert(1)>\``;

function content(text: (name: string) => string = (n) => n, over: Partial<CancelFlowContent> = {}): CancelFlowContent {
  return {
    productName: text("Acme"),
    logoUrl: null,
    accentColor: "#4f46e5",
    showLoss: true,
    reasons: [
      {
        code: "too_expensive",
        label: text("Too expensive"),
        followUp: null,
        offer: { kind: "discount", percent: 25, months: 3 },
      },
      { code: "unused", label: text("Unused"), followUp: null, offer: { kind: "pause", maxMonths: 3 } },
      {
        code: "missing_features",
        label: text("Missing"),
        followUp: { question: text("What was missing?"), required: true },
        offer: { kind: "talk_to_us", url: "https://example.com/call", label: text("Book a call") },
      },
      {
        code: "too_complex",
        label: text("Too hard"),
        followUp: null,
        offer: { kind: "downgrade", plan: text("Starter"), priceCents: 1950 },
      },
    ],
    somethingElseOffer: { kind: "none" },
    texts: {
      lossHeading: text("Loss heading"),
      reasonHeading: text("Reason heading"),
      reasonIntro: text("Reason intro"),
      somethingElseLabel: text("Something else"),
      offerHeading: text("Offer heading"),
      confirmHeading: text("Confirm heading"),
      confirmBody: text("Confirm body"),
      cancelButton: text("Cancel subscription"),
      goodbyeHeading: text("Goodbye heading"),
      goodbyeData: text("Goodbye data"),
      goodbyeReturn: text("Goodbye return"),
      savedHeading: text("Saved heading"),
      savedBody: text("Saved body"),
    },
    ...over,
  };
}

function model(step: CancelStep, over: Partial<CancelPageModel> = {}): CancelPageModel {
  return {
    sessionId: "cs_1",
    step,
    status: step === "goodbye" ? "canceled" : "open",
    locale: "en-US",
    content: content(),
    loss: { activeUsers28d: 12, seats: 20, keyFeatures: ["Reports", "Exports"], monthsAsCustomer: 14 },
    reasonCode: null,
    freeText: null,
    offer: null,
    returnTo: step === "goodbye" ? "https://app.example.com/billing?holdfast_session=cs_1&outcome=canceled" : null,
    preview: false,
    ...over,
  };
}

const OPTS = { nonce: "n0nce", formAction: "/cancel/tok", now: new Date("2026-03-10T00:00:00Z") };
const OFFERS: CancelOffer[] = [
  { kind: "pause", maxMonths: 2 },
  { kind: "downgrade", plan: "Starter", priceCents: 1950 },
  { kind: "discount", percent: 25, months: 3 },
  { kind: "talk_to_us", url: "https://example.com/call", label: "Book a call" },
];

/** Every page of a flow: each step, each offer, the saved screen, with and without an error. */
function everyPage(c: CancelFlowContent, over: Partial<CancelPageModel>, error?: string): string[] {
  const steps: CancelStep[] = ["loss", "reason", "follow_up", "confirm", "goodbye"];
  const opts = error === undefined ? OPTS : { ...OPTS, error };
  return [
    ...steps.map((step) =>
      renderCancelPage(model(step, { content: c, reasonCode: "missing_features", ...over }), opts),
    ),
    renderCancelPage(model("follow_up", { content: c, reasonCode: "other", ...over }), opts),
    ...OFFERS.map((offer) => renderCancelPage(model("offer", { content: c, offer, ...over }), opts)),
    ...[c.somethingElseOffer].map((offer) => renderCancelPage(model("offer", { content: c, offer, ...over }), opts)),
    renderCancelPage(model("goodbye", { content: c, status: "saved", ...over }), opts),
  ];
}

const ALLOWED_TAGS = new Set(
  "html head meta title style body div header main h1 p strong span img ul li form input button label fieldset legend textarea small a".split(
    " ",
  ),
);

/** The elements and attributes a page has: only the renderer's own, no handler, no script URL. */
function expectOnlyOwnMarkup(page: string) {
  const body = page.replace(/<style nonce="[^"]*">[^<]*<\/style>/, "");
  for (const [, name = "", quoted = ""] of body.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    // Attribute values hold escaped text (no raw quote): only what lies outside them is markup.
    const attrs = quoted.replace(/"[^"]*"/g, '""');
    expect(ALLOWED_TAGS.has(name.toLowerCase()), `element <${name}>`).toBe(true);
    expect(attrs).not.toMatch(/\son[a-z]+\s*=/i);
    for (const [, url = ""] of quoted.matchAll(/\s(?:href|src|action)="([^"]*)"/g))
      expect(url).toMatch(/^(https?:\/\/|\/)/);
  }
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<img src=x/i);
}

describe("escaping", () => {
  it("escapes the characters that open markup or leave an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;",
    );
    expect(escapeHtml("a\u0000b\uD800c")).toBe("a\uFFFDb\uFFFDc");
    // A real pair stays.
    expect(escapeHtml("😀")).toBe("😀");
    const inner = html`<b>${XSS}</b>`;
    expect(html`<p>${inner}${["<i>", 3, null, false, undefined]}</p>`.value).toBe(
      `<p><b>${escapeHtml(XSS)}</b>&lt;i&gt;3</p>`,
    );
  });

  it("lets only https (or, where asked, http) URLs through", () => {
    expect(safeUrl("https://example.com/a b")).toBe("https://example.com/a%20b");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("JaVaScRiPt:alert(1)", ["https:", "http:"])).toBeNull();
    expect(safeUrl("data:text/html,<script>")).toBeNull();
    expect(safeUrl("http://example.com")).toBeNull();
    expect(safeUrl("http://example.com", ["https:", "http:"])).toBe("http://example.com/");
    expect(safeUrl("/relative")).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });

  it("adds no markup from any text of the flow, the customer's words, the error or the URLs", () => {
    const hostile = content((name) => `${name} ${XSS}`, {
      logoUrl: `https://example.com/logo.png"><script>alert(1)</script>`,
      reasons: content((name) => `${name} ${XSS}`).reasons.map((r) => ({ ...r, code: `${r.code}"${XSS}` })),
    });
    const pages = everyPage(hostile, { freeText: `</textarea>${XSS}`, locale: `en-US"><script>` }, XSS);
    for (const page of pages) {
      expectOnlyOwnMarkup(page);
      expect(page).toContain(escapeHtml(XSS));
    }
    const logo = renderCancelPage(model("loss", { content: hostile }), OPTS);
    expect(logo).toContain('src="https://example.com/logo.png%22%3E%3Cscript%3Ealert(1)%3C/script%3E"');

    const scriptUrls = content(undefined, { logoUrl: "javascript:alert(1)" });
    for (const page of everyPage(scriptUrls, { returnTo: "javascript:alert(1)" })) expectOnlyOwnMarkup(page);
    // Without a usable logo the product name stands alone; without a usable return URL, no link.
    expect(renderCancelPage(model("loss", { content: scriptUrls }), OPTS)).toContain(
      '<header class="brand"><span>Acme</span></header>',
    );
    expect(renderCancelPage(model("goodbye", { returnTo: "javascript:alert(1)" }), OPTS)).not.toContain("<a ");

    for (const kind of ["unknown", "expired", "used", "busy"] as const) {
      const notice = renderCancelNotice(kind, { nonce: "n", productName: XSS });
      expectOnlyOwnMarkup(notice);
    }
    expect(renderCancelNotice("used", { nonce: "n", productName: XSS })).toContain(escapeHtml(XSS));
  });

  it("keeps an accent that is not #rrggbb out of the stylesheet", () => {
    const page = renderCancelPage(
      model("loss", { content: content(undefined, { accentColor: "red;}</style><script>" }) }),
      OPTS,
    );
    expectOnlyOwnMarkup(page);
    expect(page).toContain("--accent:#4f46e5");
  });
});

/** The page's HTML with each run of white space (not the no-break spaces Intl puts in figures) made one space. */
const flat = (page: string) => page.replace(/[ \t\r\n]+/g, " ");
const buttons = (page: string) => [...flat(page).matchAll(/<button[^>]*value="([a-z_]+)"/g)].map((m) => m[1]);

describe("each step", () => {
  it("has one document with the nonce on its style, the locale as lang, a title and one h1", () => {
    const page = renderCancelPage(model("reason"), OPTS);
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).toMatch(/<html lang="en-US">/);
    expect(page).toMatch(/<style nonce="n0nce">/);
    expect(flat(page)).toContain("<title>Reason heading – Acme</title>");
    expect(page.match(/<h1/g)).toHaveLength(1);
    expect(page).toContain('method="post" action="/cancel/tok"');
    expect(page).toContain('name="step" value="reason"');
  });

  it("loss: the facts, Continue and Cancel", () => {
    const page = flat(renderCancelPage(model("loss"), OPTS));
    expect(page).toContain('<span class="figure">12</span> active users in the last 28 days');
    expect(page).toContain('<span class="figure">20</span> seats on your plan');
    expect(page).toContain('<span class="figure">14</span> months as a customer');
    expect(page).toContain('<span class="figure words">Reports and Exports</span>');
    expect(buttons(page)).toEqual(["continue", "cancel"]);
    const one = flat(
      renderCancelPage(
        model("loss", { loss: { activeUsers28d: 1, seats: null, keyFeatures: [], monthsAsCustomer: 1 } }),
        OPTS,
      ),
    );
    expect(one).toContain("1</span> active user in the last 28 days");
    expect(one).toContain("1</span> month as a customer");
    expect(one).not.toContain("seats");
  });

  it("reason: a radio per reason and something else, the intro, Continue, Cancel and Back", () => {
    const page = flat(renderCancelPage(model("reason", { reasonCode: "unused" }), OPTS));
    const radios = [...page.matchAll(/type="radio" name="reason" value="([a-z_]+)"/g)].map((m) => m[1]);
    expect(radios).toEqual(["too_expensive", "unused", "missing_features", "too_complex", "other"]);
    expect(page).toMatch(/value="unused" id="reason-1" checked/);
    expect(page).toContain("Reason intro");
    expect(buttons(page)).toEqual(["reason", "cancel", "back"]);
    // Without the loss step there is nothing to go back to.
    const first = renderCancelPage(model("reason", { content: content(undefined, { showLoss: false }) }), OPTS);
    expect(buttons(first)).toEqual(["reason", "cancel"]);
  });

  it("follow_up: the question labels a textarea, required when the flow says so; something else asks for own words", () => {
    const page = flat(renderCancelPage(model("follow_up", { reasonCode: "missing_features", freeText: "SSO" }), OPTS));
    expect(page).toContain('<label for="free-text">What was missing?</label>');
    expect(page).toMatch(/<textarea id="free-text" name="freeText"[^>]* required/);
    expect(page).toContain("SSO</textarea>");
    expect(buttons(page)).toEqual(["follow_up", "cancel", "back"]);
    const other = flat(renderCancelPage(model("follow_up", { reasonCode: "other" }), OPTS));
    expect(other).toContain("Tell us in your own words");
    expect(other).not.toMatch(/<textarea[^>]* required/);
  });

  it("offer: each kind with its button, No thanks, Cancel and Back", () => {
    const pause = flat(renderCancelPage(model("offer", { offer: { kind: "pause", maxMonths: 3 } }), OPTS));
    expect([...pause.matchAll(/name="months" value="(\d)"/g)].map((m) => m[1])).toEqual(["1", "2", "3"]);
    expect(pause).toContain("Resumes in April 2026");
    expect(pause).toContain("Resumes in June 2026");
    expect(buttons(pause)).toEqual(["accept", "decline", "cancel", "back"]);
    const downgrade = flat(renderCancelPage(model("offer", { offer: OFFERS[1] }), { ...OPTS, currency: "USD" }));
    expect(downgrade).toContain("Switch to Starter for $19.50 a month");
    expect(buttons(downgrade)).toEqual(["accept", "decline", "cancel", "back"]);
    const discount = flat(renderCancelPage(model("offer", { offer: OFFERS[2] }), OPTS));
    expect(discount).toContain("25% off for 3 months");
    const talk = flat(renderCancelPage(model("offer", { offer: OFFERS[3] }), OPTS));
    expect(talk).toMatch(/value="talk" class="primary"\s*>\s*Book a call/);
    expect(buttons(talk)).toEqual(["talk", "decline", "cancel", "back"]);
  });

  it("confirm: the flow's button posts confirm, and Back", () => {
    const page = flat(renderCancelPage(model("confirm"), OPTS));
    expect(page).toContain("Confirm body");
    expect(buttons(page)).toEqual(["confirm", "back"]);
    expect(page).toMatch(/value="confirm" class="primary"[^>]*>\s*Cancel subscription/);
  });

  it("goodbye and saved: the flow's words and the return link, no form", () => {
    const goodbye = flat(renderCancelPage(model("goodbye"), OPTS));
    expect(goodbye).toContain("Goodbye data");
    expect(goodbye).toContain("Goodbye return");
    expect(goodbye).toContain(
      'href="https://app.example.com/billing?holdfast_session=cs_1&amp;outcome=canceled">Return to Acme</a>',
    );
    expect(goodbye).not.toContain("<form");
    const saved = flat(renderCancelPage(model("goodbye", { status: "saved" }), OPTS));
    expect(saved).toContain("Saved heading");
    expect(saved).toContain("Saved body");
    expect(saved).not.toContain("Goodbye data");
  });

  it("an error is an alert, focused, and the step's controls point at it", () => {
    const page = flat(
      renderCancelPage(model("follow_up", { reasonCode: "missing_features" }), { ...OPTS, error: "Please answer." }),
    );
    expect(page).toMatch(/<p class="error" id="form-error" role="alert" tabindex="-1" autofocus>/);
    expect(page).toContain('aria-describedby="free-text-hint form-error"');
    expect(page).toContain('aria-invalid="true"');
  });

  it("a preview says nothing is recorded", () => {
    expect(flat(renderCancelPage(model("loss", { preview: true }), OPTS))).toContain(
      "<strong>Preview</strong> — nothing is recorded",
    );
    expect(renderCancelPage(model("loss"), OPTS)).not.toContain("nothing is recorded");
  });
});

describe("the session's locale", () => {
  it("formats figures, lists, months, money and percents in de-DE", () => {
    const de = (step: CancelStep, over: Partial<CancelPageModel> = {}, currency = "EUR") =>
      flat(renderCancelPage(model(step, { locale: "de-DE", ...over }), { ...OPTS, currency }));
    const loss = de("loss", {
      loss: { activeUsers28d: 1234, seats: 25000, keyFeatures: ["A", "B", "C"], monthsAsCustomer: 14 },
    });
    expect(loss).toContain('<html lang="de-DE">');
    expect(loss).toContain('<span class="figure">1.234</span>');
    expect(loss).toContain('<span class="figure">25.000</span>');
    expect(loss).toContain('<span class="figure words">A, B und C</span>');
    // The page's own words follow the locale's language too; the flow's texts are the admin's.
    expect(loss).toContain("aktive Personen in den letzten 28 Tagen");
    expect(loss).toContain("Weiter");
    expect(de("offer", { offer: OFFERS[0] })).toContain("Läuft weiter ab April 2026");
    expect(de("offer", { offer: { kind: "pause", maxMonths: 3 } })).toContain("Läuft weiter ab Mai 2026");
    expect(de("offer", { offer: { kind: "pause", maxMonths: 3 } })).toContain("2 Monate");
    expect(de("offer", { offer: OFFERS[1] })).toContain("19,50\u00a0€");
    expect(de("offer", { offer: { kind: "downgrade", plan: "S", priceCents: 100_000 } })).toContain("1.000\u00a0€");
    expect(de("offer", { offer: OFFERS[2] })).toContain("25\u00a0%");
  });

  it("falls back to en-US for a tag Intl cannot read", () => {
    expect(renderCancelPage(model("loss", { locale: "not a locale!" }), OPTS)).toContain('<html lang="en-US">');
  });
});

describe("the accent", () => {
  it("keeps links and focus rings readable on both themes and picks readable button text", () => {
    for (const accent of ["#4f46e5", "#facc15", "#000000", "#ffffff", "#22c55e", "#777777"]) {
      const p = accentPalette(accent);
      expect(contrast(p.light.text, "#ffffff")).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.dark.text, "#161b22")).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.light.onButton, p.light.button)).toBeGreaterThanOrEqual(4.5);
    }
    // Yellow takes dark text; indigo takes white.
    expect(accentPalette("#facc15").light.onButton).toBe("#111827");
    expect(accentPalette("#4f46e5").light.onButton).toBe("#ffffff");
  });
});
