// The metrics filters as URL state, parsed by one set of parsers on the server and in the browser.
import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import {
  MAX_RANGE_MONTHS,
  YEARS,
  isCalendarDate,
  isCalendarMonth,
  isPageNumber,
  isSafeText,
  printable,
} from "@/lib/input-checks";
import { monthDiff } from "@/lib/metrics/months";
import {
  CANCEL_SESSION_STATUSES,
  MONTH_FIGURES,
  QUEUE_DEFAULTS,
  QUEUE_STATUS_FILTERS,
  QUEUE_TABS,
  QUEUE_WHO,
  SEGMENTS,
} from "@/lib/values";

// A value that cannot be one (month 13, 2026-02-31, a NUL, 10 kB) reads as absent, on the server
// and in the browser alike, so it never reaches a query.
export const parseAsMonth = createParser({
  parse: (v) => (isCalendarMonth(v) ? v : null),
  serialize: (v: string) => v,
});
const parseAsDate = createParser({ parse: (v) => (isCalendarDate(v) ? v : null), serialize: (v: string) => v });
/** A page of a list: plain digits from 1 (as lib/validation/page.ts reads it on the server). */
const parseAsPage = createParser({ parse: (v) => (isPageNumber(v) ? Number(v) : null), serialize: String });
const parseAsText = (max: number) =>
  createParser({ parse: (v) => (v !== "" && isSafeText(v, max) ? v : null), serialize: (v: string) => v });

export const metricsFilterParsers = {
  from: parseAsMonth,
  to: parseAsMonth,
  segment: parseAsStringLiteral(SEGMENTS),
  plan: parseAsText(100),
};

const loadRawMetricsFilters = createLoader(metricsFilterParsers);

/** The metrics filters of a page's search params: bad values read as absent, the range settled. */
export function loadMetricsFilters(search: SearchInput): MetricsFilters {
  return settleRange(loadRawMetricsFilters(search)).filters;
}

/**
 * An open drill-through: `figure:YYYY-MM`, `cohort:YYYY-MM:age`, `reasons:category[:YYYY-MM]`, the
 * cancel flow's `sessions:status`, `variant:flowVersionId:A|B` and `watchlist`.
 */
export function isDrill(value: string): boolean {
  const [figure = "", a = "", b, ...rest] = value.split(":");
  if (rest.length > 0) return false;
  if (figure === "watchlist") return value === "watchlist";
  if (figure === "sessions") return CANCEL_SESSION_STATUSES.some((s) => s === a) && b === undefined;
  if (figure === "variant") return a !== "" && isSafeText(a, 100) && (b === "A" || b === "B");
  if (figure === "cohort") return isCalendarMonth(a) && /^\d{1,3}$/.test(b ?? "") && Number(b) <= 240;
  if (figure === "reasons") return a !== "" && isSafeText(a, 100) && (b === undefined || isCalendarMonth(b));
  return MONTH_FIGURES.some((f) => f === figure) && isCalendarMonth(a) && b === undefined;
}

/**
 * The cohorts page's chosen curves: months separated by commas. One bad item refuses the whole
 * value (the page then draws its default curves), as the page's notice says (REPORT_CHECKS).
 */
export const parseAsMonthList = createParser({
  parse: (v) => {
    if (v === "") return []; // every curve unchosen
    const months = v.split(",");
    return months.every(isCalendarMonth) ? months : null;
  },
  serialize: (v: string[]) => v.join(","),
  eq: (a, b) => a.length === b.length && a.every((m, i) => m === b[i]),
});

export const parseAsDrill = createParser({ parse: (v) => (isDrill(v) ? v : null), serialize: (v: string) => v });

/** The cohorts page's measure and the reasons page's bars, in the URL beside the filters. */
export const COHORT_VIEWS = ["logo", "revenue"] as const;
export const REASON_MEASURES = ["responses", "mrr"] as const;

export interface MetricsFilters {
  from: string | null;
  to: string | null;
  segment: (typeof SEGMENTS)[number] | null;
  plan: string | null;
}

/** A reversed range of months or days (`from` after `to`) swapped, and the notice that says so. */
export function swapReversed<T extends { from?: string | null; to?: string | null }>(
  range: T,
): { range: T; notices: ParamNotice[] } {
  const { from, to } = range;
  if (!from || !to || from <= to) return { range, notices: [] };
  return {
    range: { ...range, from: to, to: from },
    notices: [{ key: "from", text: `From ${from} is after to ${to}: the two are swapped.` }],
  };
}

/**
 * The range a metrics page draws: a reversed one (`from` after `to`) swapped, and one longer than
 * the read API reads without its `from` (so `from` falls back to 23 months before `to`). The read
 * API answers both with 400 naming `from`; a page says what it did instead (docs/api.md).
 */
export function settleRange(filters: MetricsFilters): { filters: MetricsFilters; notices: ParamNotice[] } {
  const { range, notices } = swapReversed(filters);
  const { from, to } = range;
  if (from && to && monthDiff(from, to) > MAX_RANGE_MONTHS) {
    const text = `Ignored from=${from}: the range may span at most ${MAX_RANGE_MONTHS} months, so it starts 23 months before ${to}.`;
    return { filters: { ...range, from: null }, notices: [...notices, { key: "from", text }] };
  }
  return { filters: range, notices };
}

/** The read API's query string for these filters (asOf left to the server: now). */
export function filtersToSearch(
  filters: MetricsFilters,
  extra: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra }))
    if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}

// The at-risk queue's filters: tab, whose items, status, segment, owner and page.
export const queueFilterParsers = {
  tab: parseAsStringLiteral(QUEUE_TABS).withDefault(QUEUE_DEFAULTS.tab),
  who: parseAsStringLiteral(QUEUE_WHO).withDefault(QUEUE_DEFAULTS.who),
  status: parseAsStringLiteral(QUEUE_STATUS_FILTERS).withDefault(QUEUE_DEFAULTS.status),
  segment: parseAsStringLiteral(SEGMENTS),
  owner: parseAsText(100),
  page: parseAsPage.withDefault(QUEUE_DEFAULTS.page),
  on: parseAsDate,
};

export const loadQueueFilters = createLoader(queueFilterParsers);

// The categorizing workbench's filters.
export const workbenchFilterParsers = {
  category: parseAsText(100).withDefault("cat_uncategorized"),
  q: parseAsText(200),
  code: parseAsText(64),
  page: parseAsPage.withDefault(QUEUE_DEFAULTS.page),
};

export const loadWorkbenchFilters = createLoader(workbenchFilterParsers);

// Notices: a value of a search param that a page cannot use is ignored, and the page says so.

/** Search params as a page or the browser has them; a repeated key holds each of its values. */
export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** A search param a page ignored (or changed), in a sentence for the notice above the page. */
export interface ParamNotice {
  key: string;
  text: string;
}

/** Why a page cannot use this value of a search param, or null when it can. */
export type ParamCheck = (value: string) => string | null;

/** Every value of `key`, in the order of the URL. */
export function valuesOf(search: SearchInput, key: string): string[] {
  if (search instanceof URLSearchParams) return search.getAll(key);
  const value = Object.hasOwn(search, key) ? search[key] : undefined;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The first value of each key, as the URL parsers read them: a repeated key's later values are
 * ignored, and an empty value (a form's blank field) reads as absent.
 */
export function firstValues(search: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(search)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") out[key] = first;
  }
  return out;
}

const SHOWN_MAX = 40;

/** A value as a notice shows it: control characters and lone surrogates visible, 40 characters at most. */
export function shownValue(value: string): string {
  const chars = Array.from(printable(value));
  return chars.length > SHOWN_MAX
    ? `${chars.slice(0, SHOWN_MAX).join("")}… (${chars.length} characters)`
    : chars.join("");
}

/**
 * The notices for the values the checks refuse: an empty value reads as absent, silently; a
 * repeated key is read once, its first value, and the others are named.
 */
export function paramNotices(search: SearchInput, checks: Record<string, ParamCheck>): ParamNotice[] {
  const notices: ParamNotice[] = [];
  for (const [key, check] of Object.entries(checks)) {
    const [first, ...rest] = valuesOf(search, key);
    const why = first === undefined || first === "" ? null : check(first);
    if (why !== null) notices.push({ key, text: `Ignored ${key}=${shownValue(first ?? "")}: ${why}.` });
    const [second] = rest;
    if (second !== undefined) {
      const more = rest.length > 1 ? ` and ${rest.length - 1} more` : "";
      notices.push({
        key,
        text: `Ignored the repeated ${key}=${shownValue(second)}${more}: only the first ${key} is read.`,
      });
    }
  }
  return notices;
}

const MONTH_EXPECTED = `not a month written YYYY-MM in the years ${YEARS}`;
const check =
  (accepts: (value: string) => boolean, expected: string): ParamCheck =>
  (value) =>
    accepts(value) ? null : expected;
const oneOf = (list: readonly string[]) => check((v) => list.includes(v), `not one of ${list.join(", ")}`);

/** The checks of the metrics filters and the drill-through, the same as their parsers'. */
export const METRICS_CHECKS: Record<string, ParamCheck> = {
  from: check(isCalendarMonth, MONTH_EXPECTED),
  to: check(isCalendarMonth, MONTH_EXPECTED),
  segment: oneOf(SEGMENTS),
  plan: check((v) => isSafeText(v, 100), "not a plan name (at most 100 characters, no NUL)"),
  drill: check(isDrill, "not a valid drill-through"),
};

/** The params a report's page reads beside the filters. */
export const REPORT_CHECKS: Record<string, Record<string, ParamCheck>> = {
  cohorts: {
    view: oneOf(COHORT_VIEWS),
    curves: check(
      (v) => v.split(",").every(isCalendarMonth),
      `not a list of months written YYYY-MM, separated by commas, in the years ${YEARS}`,
    ),
  },
  // The answers list below the charts (components/reasons/verbatims-params.ts): a blank one reads as absent.
  reasons: {
    measure: oneOf(REASON_MEASURES),
    vcategory: check((v) => v.trim() === "" || isSafeText(v, 100), "not a category (at most 100 characters, no NUL)"),
    vq: check((v) => v.trim() === "" || isSafeText(v, 200), "not words to find (at most 200 characters, no NUL)"),
    vpage: check(
      (v) => /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 10_000,
      "not a whole number from 1 to 10000",
    ),
  },
};

/** Everything a metrics page says about its URL: values it ignored, and the range it settled. */
export function metricsNotices(search: SearchInput, reports: readonly string[] = []): ParamNotice[] {
  const checks = reports.reduce<Record<string, ParamCheck>>((all, r) => ({ ...all, ...REPORT_CHECKS[r] }), {
    ...METRICS_CHECKS,
  });
  return [...paramNotices(search, checks), ...settleRange(loadRawMetricsFilters(search)).notices];
}
