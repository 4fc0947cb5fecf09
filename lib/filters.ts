// The metrics filters as URL state, parsed by one set of parsers on the server and in the browser.
import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { SEGMENTS } from "@/lib/validation/accounts";

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
export function filtersToSearch(filters: MetricsFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}
