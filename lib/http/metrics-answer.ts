// Answers one read-API request on a given database: validation, defaults, JSON or CSV.
import type { Db } from "@/db/client";
import { type MetricsScope, metricsQuerySchema, resolveScope } from "@/lib/validation/metrics";
import { json, problem } from "./problem";
import { parseQuery } from "./query";

export interface MetricsEndpoint<R> {
  name: string;
  report: (db: Db, scope: MetricsScope) => Promise<R>;
  /** The CSV download; `table` picks one table where a report has several. */
  csv: (report: R, table: string | null) => string | { error: string };
}

export async function answerMetrics<R>(request: Request, db: Db, endpoint: MetricsEndpoint<R>): Promise<Response> {
  const query = parseQuery(request, metricsQuerySchema);
  if ("error" in query) return query.error;
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv") {
    return problem(400, "Invalid query parameters", "format: must be json or csv", {
      errors: [{ field: "format", message: "must be json or csv" }],
    });
  }
  const scope = resolveScope(query.data);
  const report = await endpoint.report(db, scope);
  if (format === "json") return json(report);
  const csv = endpoint.csv(report, params.get("table"));
  if (typeof csv !== "string") {
    return problem(400, "Invalid query parameters", `table: ${csv.error}`, {
      errors: [{ field: "table", message: csv.error }],
    });
  }
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="holdfast-${endpoint.name}-${scope.from}-${scope.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
