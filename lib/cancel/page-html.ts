// A tiny tagged template for the customer's cancel page: every interpolated value is escaped unless
// it is already `SafeHtml` (made by `html` itself), so no text an admin or a customer wrote can open
// an element or leave an attribute. Safe for the browser (the editor's preview renders with it).

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Markup made by `html` (or `trusted`): interpolated as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

/** Text for an element's content or a double-quoted attribute; NUL and lone surrogates become U+FFFD. */
export function escapeHtml(value: string): string {
  return value
    .replace(/[\u0000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

function part(value: HtmlPart): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join("");
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: strings and numbers escaped, arrays joined, null/undefined/false dropped. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += part(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Markup this module's callers wrote themselves (the page's own CSS); never for outside text. */
export const trusted = (markup: string) => new SafeHtml(markup);

/**
 * A URL for `href` or `src`, or null when it is not an absolute URL of one of `schemes` (a
 * `javascript:` or `data:` link never reaches the page). The result still goes through escaping.
 */
export function safeUrl(value: string | null | undefined, schemes: readonly string[] = ["https:"]): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
