// The defaults of docs/api.md that turn a read API query into the scope every report reads under.
import type { MetricsQuery, MetricsScope } from "@/lib/types/metrics";
import { type Month, addMonths, lastCompleteMonth } from "./months";

/** asOf now, `to` the last month ended by asOf, `from` 23 months earlier. */
export function resolveScope(query: MetricsQuery, now = new Date()): MetricsScope {
  const asOf = query.asOf ?? now;
  const to = query.to ?? (query.from ? maxMonth(query.from, lastCompleteMonth(asOf)) : lastCompleteMonth(asOf));
  const from = query.from ?? addMonths(to, -23);
  return { asOf, from, to, segment: query.segment, plan: query.plan };
}

function maxMonth(a: Month, b: Month): Month {
  return a > b ? a : b;
}
