// The customer's cancel page as HTML, rendered on the server (and in the editor's live preview):
// plain forms that work without JavaScript, one inline stylesheet, every value escaped. Pure: no
// I/O, no database, no framework.
import type { CancelOffer, CancelPageModel } from "@/lib/types/cancel-flow";
import { SOMETHING_ELSE_REASON } from "@/lib/values";
import { DEFAULT_ACCENT, accentPalette } from "./page-colors";
import { type HtmlPart, SafeHtml, html, safeUrl, trusted } from "./page-html";
import { type PageFormat, pageFormat, pageLocale } from "./page-words";
import { pageStyle } from "./page-style";

export interface CancelPageOptions {
  /** The CSP nonce of this response, put on the one <style>. */
  nonce: string;
  /** Where the step's form posts (`/cancel/<token>`). */
  formAction: string;
  /** The server's refusal of the last post, shown above the form and focused. */
  error?: string;
  /** The installation's CURRENCY (ISO 4217) for a downgrade's price; USD when left out. */
  currency?: string;
  /** The instant the resume months of a pause count from; now when left out. */
  now?: Date;
}

interface Page {
  lang: string;
  title: string;
  accent: string;
  nonce: string;
  header: HtmlPart;
  body: HtmlPart;
}

function document(page: Page): string {
  return `<!doctype html>${html`<html lang="${page.lang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <meta name="referrer" content="no-referrer" />
      <title>${page.title}</title>
      <style nonce="${page.nonce}">
        ${trusted(pageStyle(accentPalette(page.accent)))}
      </style>
    </head>
    <body>
      <div class="page">
        ${page.header}
        <main>${page.body}</main>
      </div>
    </body>
  </html>`}`;
}

const button = (action: string, label: string, look: "primary" | "secondary" | "link", noValidate = false) =>
  html`<button
    type="submit"
    name="action"
    value="${action}"
    class="${look}"
    ${noValidate ? trusted(" formnovalidate") : ""}
  >
    ${label}
  </button>`;

function errorBox(error: string | undefined, fmt: PageFormat): HtmlPart {
  if (!error) return null;
  return html`<p class="error" id="form-error" role="alert" tabindex="-1" autofocus>
    <strong>${fmt.words.errorPrefix}</strong> ${error}
  </p>`;
}

function offerBlock(
  offer: CancelOffer,
  fmt: PageFormat,
  now: Date,
  error: boolean,
): { what: HtmlPart; actions: HtmlPart } {
  switch (offer.kind) {
    case "pause": {
      const months = Array.from({ length: Math.max(1, Math.min(3, offer.maxMonths)) }, (_, i) => i + 1);
      const choices = months.map(
        (n) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="months"
              value="${n}"
              required${error ? trusted(' aria-describedby="form-error"') : ""}
            /><span>${fmt.months(n)}<small>${fmt.words.resumesIn(fmt.monthAfter(now, n))}</small></span></label
          >`,
      );
      return {
        what: html`<div class="offer">
          <p class="what">${fmt.words.pauseWhat}</p>
          <p>${fmt.words.pauseWhy}</p>
          <fieldset>
            <legend class="hint">${fmt.words.pauseLegend}</legend>
            <div class="choices">${choices}</div>
          </fieldset>
        </div>`,
        actions: button("accept", fmt.words.pauseButton, "primary"),
      };
    }
    case "downgrade":
      return {
        what: html`<div class="offer">
          <p class="what">${fmt.words.downgradeWhat(offer.plan, fmt.money(offer.priceCents))}</p>
          <p>${fmt.words.downgradeWhy}</p>
        </div>`,
        actions: button("accept", fmt.words.downgradeButton(offer.plan), "primary"),
      };
    case "discount":
      return {
        what: html`<div class="offer">
          <p class="what">${fmt.words.discountWhat(fmt.percent(offer.percent), fmt.months(offer.months))}</p>
          <p>${fmt.words.discountWhy}</p>
        </div>`,
        actions: button("accept", fmt.words.discountButton, "primary"),
      };
    case "talk_to_us":
      return {
        what: html`<div class="offer">
          <p class="what">${fmt.words.talkWhat}</p>
          <p>${fmt.words.talkWhy}</p>
        </div>`,
        actions: button("talk", offer.label, "primary"),
      };
    default:
      return { what: null, actions: null };
  }
}

function form(step: string, action: string, parts: HtmlPart): SafeHtml {
  return html`<form method="post" action="${action}">
    <input type="hidden" name="step" value="${step}" />${parts}
  </form>`;
}

function stepBody(
  model: CancelPageModel,
  opts: CancelPageOptions,
  fmt: PageFormat,
): { heading: string; body: HtmlPart } {
  const { content } = model;
  const t = content.texts;
  const error = errorBox(opts.error, fmt);
  const cancel = button("cancel", t.cancelButton, "secondary", true);
  const back = button("back", fmt.words.back, "link", true);
  const wrap = (parts: HtmlPart) => form(model.step, opts.formAction, parts);
  switch (model.step) {
    case "loss": {
      const loss = model.loss;
      const facts: HtmlPart[] = [];
      if (loss) {
        facts.push(
          html`<li>
            <span class="figure">${fmt.number(loss.activeUsers28d)}</span>
            ${fmt.plural(loss.activeUsers28d, fmt.words.activeUsers)}
          </li>`,
        );
        if (loss.seats !== null)
          facts.push(
            html`<li>
              <span class="figure">${fmt.number(loss.seats)}</span> ${fmt.plural(loss.seats, fmt.words.seats)}
            </li>`,
          );
        if (loss.monthsAsCustomer > 0)
          facts.push(
            html`<li>
              <span class="figure">${fmt.number(loss.monthsAsCustomer)}</span>
              ${fmt.plural(loss.monthsAsCustomer, fmt.words.monthsAsCustomer)}
            </li>`,
          );
        if (loss.keyFeatures.length > 0)
          facts.push(
            html`<li><span class="figure words">${fmt.list(loss.keyFeatures)}</span> ${fmt.words.features}</li>`,
          );
      }
      return {
        heading: t.lossHeading,
        body: html`<h1 id="heading">${t.lossHeading}</h1>
          ${error}${
            facts.length > 0
              ? html`<ul class="facts">
                  ${facts}
                </ul>`
              : null
          }${wrap(html`<div class="actions">${button("continue", fmt.words.continue, "primary")}${cancel}</div>`)}`,
      };
    }
    case "reason": {
      const options = [
        ...content.reasons.map((r) => ({ code: r.code, label: r.label })),
        { code: SOMETHING_ELSE_REASON, label: t.somethingElseLabel },
      ];
      const described = opts.error ? "reason-intro form-error" : "reason-intro";
      const radios = options.map(
        (o, i) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="reason"
              value="${o.code}"
              id="reason-${i}"
              ${model.reasonCode === o.code ? trusted(" checked") : ""}
            /><span>${o.label}</span></label
          >`,
      );
      return {
        heading: t.reasonHeading,
        body: html`<h1 id="heading">${t.reasonHeading}</h1>
          <p class="intro" id="reason-intro">${t.reasonIntro}</p>
          ${error}${wrap(
            html`<fieldset aria-labelledby="heading" aria-describedby="${described}">
                <div class="choices">${radios}</div>
              </fieldset>
              <div class="actions">
                ${button("reason", fmt.words.continue, "primary")}${cancel}${content.showLoss ? back : null}
              </div>`,
          )}`,
      };
    }
    case "follow_up": {
      const reason = content.reasons.find((r) => r.code === model.reasonCode);
      const question = reason?.followUp?.question ?? fmt.words.ownWords;
      const required = reason?.followUp?.required === true;
      const described = opts.error ? "free-text-hint form-error" : "free-text-hint";
      return {
        heading: question,
        body: html`<h1 id="heading"><label for="free-text">${question}</label></h1>
          ${error}${wrap(
            html`<p class="hint" id="free-text-hint">${required ? fmt.words.required : fmt.words.optional}</p>
              <textarea
                id="free-text"
                name="freeText"
                maxlength="5000"
                rows="6"
                aria-describedby="${described}"
                ${required ? trusted(" required") : ""}${opts.error ? trusted(' aria-invalid="true"') : ""}
              >
${model.freeText ?? ""}</textarea>
              <div class="actions">${button("follow_up", fmt.words.continue, "primary")}${cancel}${back}</div>`,
          )}`,
      };
    }
    case "offer": {
      const offer = model.offer ?? { kind: "none" };
      const block = offerBlock(offer, fmt, opts.now ?? new Date(), Boolean(opts.error));
      return {
        heading: t.offerHeading,
        body: html`<h1 id="heading">${t.offerHeading}</h1>
          ${error}${wrap(
            html`${block.what}
              <div class="actions">
                ${block.actions}${button("decline", fmt.words.decline, "secondary", true)}${cancel}${back}
              </div>`,
          )}`,
      };
    }
    case "confirm":
      return {
        heading: t.confirmHeading,
        body: html`<h1 id="heading">${t.confirmHeading}</h1>
          <p>${t.confirmBody}</p>
          ${error}${wrap(
            html`<div class="actions">${button("confirm", t.cancelButton, "primary", true)}${back}</div>`,
          )}`,
      };
    case "goodbye": {
      const saved = model.status === "saved";
      const heading = saved ? t.savedHeading : t.goodbyeHeading;
      const link = safeUrl(model.returnTo, ["https:", "http:"]);
      const paragraphs = saved ? [t.savedBody] : [t.goodbyeData, t.goodbyeReturn];
      return {
        heading,
        body: html`<div class="goodbye">
          <h1 id="heading">${heading}</h1>
          ${paragraphs.map((p) => html`<p>${p}</p>`)}${
            link
              ? html`<p class="actions">
                  <a class="button primary" href="${link}">${fmt.words.returnTo(content.productName)}</a>
                </p>`
              : null
          }
        </div>`,
      };
    }
  }
}

function brand(productName: string, logoUrl: string | null): SafeHtml {
  const logo = safeUrl(logoUrl);
  return logo
    ? html`<header class="brand"><img src="${logo}" alt="${productName}" /></header>`
    : html`<header class="brand"><span>${productName}</span></header>`;
}

/** One step of a session as a whole HTML document. */
export function renderCancelPage(model: CancelPageModel, opts: CancelPageOptions): string {
  const fmt = pageFormat(model.locale, opts.currency ?? "USD", model.wordsLocale);
  const { heading, body } = stepBody(model, opts, fmt);
  const preview = model.preview
    ? html`<p class="preview"><strong>${fmt.words.preview}</strong> — ${fmt.words.previewNote}</p>`
    : null;
  return document({
    lang: pageLocale(model.locale),
    title: `${heading} – ${model.content.productName}`,
    accent: model.content.accentColor,
    nonce: opts.nonce,
    header: html`${brand(model.content.productName, model.content.logoUrl)}${preview}`,
    body,
  });
}

export type CancelNoticeKind = "unknown" | "expired" | "used" | "busy";

const NOTICES: Record<CancelNoticeKind, { heading: string; body: (product?: string) => string }> = {
  unknown: {
    heading: "This cancellation link does not work",
    body: () =>
      "Check that the whole address was copied. To cancel, start again from the account or billing settings of the product you use.",
  },
  expired: {
    heading: "This cancellation link has expired",
    body: () =>
      "For your security, a cancellation link works for a limited time. Nothing was changed. To cancel, start again from the account or billing settings of the product you use.",
  },
  used: {
    heading: "This cancellation link has already been used",
    body: (product) =>
      `Your choice${product ? ` for ${product}` : ""} was recorded. To make another change, start again from your account or billing settings.`,
  },
  busy: {
    heading: "Too many requests",
    body: () => "This page was asked for too often in a short time. Please wait a minute, then reload it.",
  },
};

/** The polite page for a link that opens nothing: no account data ("used" may name the product). */
export function renderCancelNotice(kind: CancelNoticeKind, opts: { nonce: string; productName?: string }): string {
  const notice = NOTICES[kind];
  const product = kind === "used" ? opts.productName : undefined;
  return document({
    lang: "en",
    title: notice.heading,
    accent: DEFAULT_ACCENT,
    nonce: opts.nonce,
    header: null,
    body: html`<h1 id="heading">${notice.heading}</h1>
      <p>${notice.body(product)}</p>`,
  });
}
