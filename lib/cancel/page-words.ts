// The cancel page's own words (the flow's texts are the admin's; these are the controls around them)
// and its figures, dates and money in the session's locale through Intl.

export const WORDS = {
  continue: "Continue",
  back: "Back",
  decline: "No thanks, continue",
  optional: "Optional",
  required: "Required",
  ownWords: "Tell us in your own words",
  preview: "Preview",
  previewNote: "nothing is recorded",
  returnTo: (product: string) => `Return to ${product}`,
  pauseLegend: "How long would you like to pause?",
  pauseButton: "Pause my subscription",
  downgradeButton: (plan: string) => `Switch to ${plan}`,
  discountButton: "Take the discount",
  errorPrefix: "Please check this:",
} as const;

/** A usable BCP 47 tag for Intl: the session's, canonicalised, or en-US. */
export function pageLocale(locale: string): string {
  try {
    const [tag] = Intl.getCanonicalLocales(locale);
    return tag ?? "en-US";
  } catch {
    return "en-US";
  }
}

const plural = (n: number, one: string, other: string) =>
  new Intl.PluralRules("en-US").select(n) === "one" ? one : other;

export interface PageFormat {
  number(n: number): string;
  percent(whole: number): string;
  money(cents: number): string;
  /** "June 2025": the month `months` after `now`'s month (UTC). */
  monthAfter(now: Date, months: number): string;
  list(items: string[]): string;
  months(n: number): string;
}

export function pageFormat(locale: string, currency: string): PageFormat {
  const tag = pageLocale(locale);
  const numbers = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const moneyOf = (whole: boolean) => {
    try {
      return new Intl.NumberFormat(tag, {
        style: "currency",
        currency,
        ...(whole ? { maximumFractionDigits: 0 } : {}),
      });
    } catch {
      return new Intl.NumberFormat(tag, { style: "currency", currency: "USD" });
    }
  };
  const month = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" });
  const list = new Intl.ListFormat(tag, { style: "long", type: "conjunction" });
  return {
    number: (n) => numbers.format(n),
    percent: (whole) => percent.format(whole / 100),
    // Whole units when the price has no cents ("€19"), else the currency's own digits ("€19.50").
    money: (cents) => moneyOf(cents % 100 === 0).format(cents / 100),
    monthAfter: (now, months) => month.format(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1))),
    list: (items) => list.format(items),
    months: (n) => `${numbers.format(n)} ${plural(n, "month", "months")}`,
  };
}

/** English words for the loss facts, with the figure formatted in the locale. */
export const lossWords = {
  activeUsers: (n: number) => plural(n, "active user in the last 28 days", "active users in the last 28 days"),
  seats: (n: number) => plural(n, "seat on your plan", "seats on your plan"),
  months: (n: number) => plural(n, "month as a customer", "months as a customer"),
  features: "Your team's most used features",
};
