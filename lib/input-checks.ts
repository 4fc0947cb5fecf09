// Checks of values that come from outside, made before they reach SQL: text PostgreSQL can store
// (no NUL, no lone surrogate) and real dates, months and instants in the years 1970–2100. Plain
// functions without zod, so the URL parsers the browser runs (lib/filters.ts) share them with the
// schemas of lib/validation.

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2100;
export const YEARS = `${MIN_YEAR}–${MAX_YEAR}`;
/** The most months `to` may lie after `from` in a range the read API answers. */
export const MAX_RANGE_MONTHS = 120;

const FIRST_INSTANT = Date.UTC(MIN_YEAR, 0, 1);
const END_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1);

const NUL = /\u0000/;
/** Half of a UTF-16 surrogate pair without its other half: no UTF-8 encoding exists for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasNul(value: string): boolean {
  return NUL.test(value);
}

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** The text with NUL, other control characters and lone surrogates shown as U+FFFD, for a notice. */
export function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD").replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");
}

/** Text of at most `max` characters that a text or jsonb column can store. */
export function isSafeText(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length <= max && !hasNul(value) && !hasLoneSurrogate(value);
}

const inYears = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/** `YYYY-MM-DD`, a day that exists (no 2026-02-31), in the years 1970–2100. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!inYears(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM`, months 01–12, in the years 1970–2100. */
export function isCalendarMonth(value: string): boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  return m !== null && inYears(Number(m[1]));
}

/** The last page a paged list in a URL may ask for. */
export const MAX_PAGE = 100_000;

/** A page of a list in a URL: 1 to 100 000, in plain digits (no sign, point, exponent or hex). */
export function isPageNumber(value: string): boolean {
  return /^\d{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_PAGE;
}

/** An instant from 1970-01-01T00:00Z up to (not including) 2101-01-01T00:00Z. */
export function isInstantInRange(at: Date): boolean {
  const t = at.getTime();
  return t >= FIRST_INSTANT && t < END_INSTANT;
}

/** A route param as Next hands it to a page (percent-encoded), decoded; null when it does not decode. */
export function decodeParam(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
