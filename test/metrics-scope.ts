// A read-API query string as the scope the reports take, for tests that call db/queries directly
// (the HTTP parsing of the same strings is tested beside lib/http).
import { resolveScope } from "@/lib/metrics/scope";
import type { MetricsScope } from "@/lib/types/metrics";
import { SEGMENTS } from "@/lib/values";

export function scopeOf(query: string): MetricsScope {
  const params = new URLSearchParams(query);
  const value = (name: string) => params.get(name) ?? undefined;
  const asOf = value("asOf");
  return resolveScope({
    asOf: asOf === undefined ? undefined : new Date(asOf),
    from: value("from"),
    to: value("to"),
    segment: SEGMENTS.find((s) => s === params.get("segment")),
    plan: value("plan"),
  });
}
