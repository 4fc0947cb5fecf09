// Display formats for money, numbers, dates and rates in the reader's locale. The locale comes from
// the browser's Accept-Language, the time zone from the browser (a cookie it sets); see
// lib/locale.ts. Calendar days and months are the metrics' UTC days and months, so they are shown
// in UTC whatever the reader's zone; instants (when something was logged or changed) are shown in
// the reader's time zone, with its name.

export const DEFAULT_LOCALE = "en-US";
export const DEFAULT_TIME_ZONE = "UTC";

export interface Formatter {
  readonly locale: string;
  readonly timeZone: string;
  /** Whole currency units; `compact` ("$1.2M") only where space is short, as on chart axes. */
  money(cents: number, currency: string, options?: { compact?: boolean }): string;
  number(n: number): string;
  /** A calendar day: a Date (its UTC day) or "YYYY-MM-DD". */
  date(d: Date | string): string;
  /** An instant, in the reader's time zone, with the zone's name; to the second with `seconds`. */
  dateTime(d: Date | string, options?: { seconds?: boolean }): string;
  /** "March 2024" (or the locale's words) from "2024-03". */
  month(month: string, style?: "long" | "short"): string;
  /** A rate as a percentage; rates are fractions and null when their denominator is 0. */
  percent(rate: number | null, digits?: number): string;
  ratio(value: number | null): string;
  /** A signed change, "+1.2" or "-0.4"; a change that rounds to zero is shown unsigned. */
  signed(value: number, digits: number): string;
}

const asDay = (d: Date | string) => (typeof d === "string" ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d);

/** A cache of values made once per key (formatters are costly to build). */
function memo<T>(): (key: string, make: () => T) => T {
  const cache = new Map<string, T>();
  return (key, make) => {
    let f = cache.get(key);
    if (!f) cache.set(key, (f = make()));
    return f;
  };
}

export function makeFormatter(locale: string = DEFAULT_LOCALE, timeZone: string = DEFAULT_TIME_ZONE): Formatter {
  // One cache per kind of formatter, so each hands back its own type.
  const numbers = memo<Intl.NumberFormat>();
  const dateFormats = memo<Intl.DateTimeFormat>();
  const number = (key: string, options: Intl.NumberFormatOptions) =>
    numbers(`n:${key}`, () => new Intl.NumberFormat(locale, options));
  const dates = (key: string, options: Intl.DateTimeFormatOptions) =>
    dateFormats(`d:${key}`, () => new Intl.DateTimeFormat(locale, options));
  const fixed = (digits: number) => ({ minimumFractionDigits: digits, maximumFractionDigits: digits });

  return {
    locale,
    timeZone,
    // One form for money on every page, whole currency units (cents only in the API and the raw CSV),
    // so a table never shows $5,000 beside $1,234.50; compact is for chart axes.
    money(cents, currency, options = {}) {
      const key = `money:${currency}:${options.compact ? "c" : "0"}`;
      return number(key, {
        style: "currency",
        currency,
        notation: options.compact ? "compact" : "standard",
        minimumFractionDigits: 0,
        maximumFractionDigits: options.compact ? 1 : 0,
        signDisplay: "negative",
      }).format(cents / 100);
    },
    number: (n) => number("plain", {}).format(n),
    date: (d) => dates("day", { dateStyle: "medium", timeZone: "UTC" }).format(asDay(d)),
    dateTime: (d, options = {}) =>
      dates(options.seconds ? "instant:s" : "instant", {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: options.seconds ? "2-digit" : undefined,
        timeZone,
        timeZoneName: "short",
      }).format(typeof d === "string" ? new Date(d) : d),
    month: (month, style = "long") =>
      dates(`month:${style}`, { month: style, year: "numeric", timeZone: "UTC" }).format(
        new Date(`${month}-01T00:00:00Z`),
      ),
    percent: (rate, digits = 1) =>
      rate === null ? "–" : number(`pct:${digits}`, { style: "percent", ...fixed(digits) }).format(rate),
    ratio: (value) => (value === null ? "–" : number("ratio", fixed(2)).format(value)),
    signed: (value, digits) =>
      number(`signed:${digits}`, { ...fixed(digits), signDisplay: "exceptZero" }).format(value),
  };
}

export function formatLabel(code: string): string {
  const text = code.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SEGMENT_LABEL: Record<string, string> = { smb: "SMB", mid: "Mid-market", enterprise: "Enterprise" };

export function formatSegment(segment: string | null): string {
  return segment ? (SEGMENT_LABEL[segment] ?? segment) : "No segment";
}

/** A count with its noun, singular for exactly one: "1 row", "2 rows", "1,200 answers" (through `show`). */
export function plural(n: number, one: string, many = `${one}s`, show: (n: number) => string = String): string {
  return `${show(n)} ${n === 1 ? one : many}`;
}
