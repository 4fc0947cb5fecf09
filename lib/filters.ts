// The metrics filters as URL state, parsed by one set of parsers on the server and in the browser.
import { createLoader, createParser, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { isCalendarDate, isCalendarMonth, isSafeText } from "@/lib/input-checks";
import { MONTH_FIGURES, QUEUE_STATUS_FILTERS, QUEUE_TABS, QUEUE_WHO, SEGMENTS } from "@/lib/values";

// A value that cannot be one (month 13, 2026-02-31, a NUL, 10 kB) reads as absent, on the server
// and in the browser alike, so it never reaches a query.
export const parseAsMonth = createParser({
  parse: (v) => (isCalendarMonth(v) ? v : null),
  serialize: (v: string) => v,
});
const parseAsDate = createParser({ parse: (v) => (isCalendarDate(v) ? v : null), serialize: (v: string) => v });
const parseAsText = (max: number) =>
  createParser({ parse: (v) => (v !== "" && isSafeText(v, max) ? v : null), serialize: (v: string) => v });

export const metricsFilterParsers = {
  from: parseAsMonth,
  to: parseAsMonth,
  segment: parseAsStringLiteral(SEGMENTS),
  plan: parseAsText(100),
};

export const loadMetricsFilters = createLoader(metricsFilterParsers);

/** An open drill-through: `figure:YYYY-MM`, `cohort:YYYY-MM:age` or `reasons:category[:YYYY-MM]`. */
export function isDrill(value: string): boolean {
  const [figure = "", a = "", b, ...rest] = value.split(":");
  if (rest.length > 0) return false;
  if (figure === "cohort") return isCalendarMonth(a) && /^\d{1,3}$/.test(b ?? "") && Number(b) <= 240;
  if (figure === "reasons") return a !== "" && isSafeText(a, 100) && (b === undefined || isCalendarMonth(b));
  return (MONTH_FIGURES as readonly string[]).includes(figure) && isCalendarMonth(a) && b === undefined;
}

export const parseAsDrill = createParser({ parse: (v) => (isDrill(v) ? v : null), serialize: (v: string) => v });

export interface MetricsFilters {
  from: string | null;
  to: string | null;
  segment: (typeof SEGMENTS)[number] | null;
  plan: string | null;
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
  tab: parseAsStringLiteral(QUEUE_TABS).withDefault("recovery"),
  who: parseAsStringLiteral(QUEUE_WHO).withDefault("all"),
  status: parseAsStringLiteral(QUEUE_STATUS_FILTERS).withDefault("live"),
  segment: parseAsStringLiteral(SEGMENTS),
  owner: parseAsText(100),
  page: parseAsInteger.withDefault(1),
  on: parseAsDate,
};

export const loadQueueFilters = createLoader(queueFilterParsers);

// The categorizing workbench's filters.
export const workbenchFilterParsers = {
  category: parseAsText(100).withDefault("cat_uncategorized"),
  q: parseAsText(200),
  code: parseAsText(64),
  page: parseAsInteger.withDefault(1),
};

export const loadWorkbenchFilters = createLoader(workbenchFilterParsers);
