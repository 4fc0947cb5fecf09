// Answers one read-API request on a given database: validation, defaults, JSON or CSV (raw, or with
// `for=people` as a chart's download button asks for it).
import type { Db } from "@/db/client";
import { type CsvTable, writeCsv } from "@/lib/csv/table";
import { env } from "@/lib/env";
import { resolveScope } from "@/lib/metrics/scope";
import type { MetricsScope } from "@/lib/types/metrics";
import { metricsQuerySchema } from "@/lib/validation/metrics";
import { json, problem } from "./problem";
import { parseQuery } from "./query";

export interface MetricsEndpoint<R> {
  name: string;
  report: (db: Db, scope: MetricsScope) => Promise<R>;
  /** The CSV download; `table` picks one table where a report has several. */
  csv: (report: R, table: string | null) => CsvTable | { error: string };
}

const badParameter = (field: string, message: string) =>
  problem(400, "Invalid query parameters", `${field}: ${message}`, { errors: [{ field, message }] });

export async function answerMetrics<R>(request: Request, db: Db, endpoint: MetricsEndpoint<R>): Promise<Response> {
  const query = parseQuery(request, metricsQuerySchema);
  if ("error" in query) return query.error;
  const params = new URL(request.url).searchParams;
  // Of a parameter given twice, the first counts (as for the others, docs/api.md).
  const first = (name: string) => params.get(name);
  const format = first("format") ?? "json";
  if (format !== "json" && format !== "csv") return badParameter("format", "must be json or csv");
  const reader = first("for");
  if (reader !== null && reader !== "people") return badParameter("for", "must be people");
  if (reader !== null && format !== "csv") return badParameter("for", "goes with format=csv");
  const scope = resolveScope(query.data);
  const report = await endpoint.report(db, scope);
  if (format === "json") return json(report);
  const table = endpoint.csv(report, first("table"));
  if ("error" in table) return badParameter("table", table.error);
  const csv = writeCsv(table, reader === "people" ? { for: "people", currency: env().CURRENCY } : { for: "raw" });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      // Each of a report's tables downloads under its own name, so a second download keeps the first.
      "content-disposition": `attachment; filename="holdfast-${endpoint.name}${table.name ? `-${table.name}` : ""}-${scope.from}-${scope.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
