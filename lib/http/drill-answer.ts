// Answers GET /api/v1/metrics/drill on a given database: the accounts behind one figure.
import type { Db } from "@/db/client";
import type { z } from "zod";
import { drillWatchlist } from "@/db/queries/cancel-watchlist";
import { drillCohort, drillMonth, drillReasons, drillSessions, drillVariant } from "@/db/queries/drill";
import type { DrillResult, MetricsScope } from "@/lib/types/metrics";
import { drillSchema } from "@/lib/validation/drill";
import { resolveScope } from "@/lib/metrics/scope";
import { json } from "./problem";
import { parseQuery } from "./query";

export async function answerDrill(request: Request, db: Db): Promise<Response> {
  const query = parseQuery(request, drillSchema);
  if ("error" in query) return query.error;
  const q = query.data;
  return json(await drill(db, q, resolveScope(q)));
}

function drill(db: Db, q: z.infer<typeof drillSchema>, scope: MetricsScope): Promise<DrillResult> {
  switch (q.figure) {
    case "cohort":
      return drillCohort(db, scope, q.cohort, q.age);
    case "reasons":
      return drillReasons(db, scope, q.category, q.month);
    case "sessions":
      return drillSessions(db, scope, q.status);
    case "variant":
      return drillVariant(db, scope, q.flowVersionId, q.variant);
    case "watchlist":
      return drillWatchlist(db, scope);
    default:
      return drillMonth(db, scope, q.figure, q.month);
  }
}
