// The metrics filters as URL state, parsed by one set of parsers on the server and in the browser.
import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { QUEUE_STATUS_FILTERS, QUEUE_TABS, QUEUE_WHO, SEGMENTS } from "@/lib/values";

export const metricsFilterParsers = {
  from: parseAsString,
  to: parseAsString,
  segment: parseAsStringLiteral(SEGMENTS),
  plan: parseAsString,
};

export const loadMetricsFilters = createLoader(metricsFilterParsers);

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
  owner: parseAsString,
  page: parseAsInteger.withDefault(1),
  on: parseAsString,
};

export const loadQueueFilters = createLoader(queueFilterParsers);

// The categorizing workbench's filters.
export const workbenchFilterParsers = {
  category: parseAsString.withDefault("cat_uncategorized"),
  q: parseAsString,
  code: parseAsString,
  page: parseAsInteger.withDefault(1),
};

export const loadWorkbenchFilters = createLoader(workbenchFilterParsers);
