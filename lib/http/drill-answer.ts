// Answers GET /api/v1/metrics/drill on a given database: the accounts behind one figure.
import type { Db } from "@/db/client";
import { drillCohort, drillMonth, drillReasons } from "@/db/queries/drill";
import { drillSchema } from "@/lib/validation/drill";
import { resolveScope } from "@/lib/metrics/scope";
import { json } from "./problem";
import { parseQuery } from "./query";

export async function answerDrill(request: Request, db: Db): Promise<Response> {
  const query = parseQuery(request, drillSchema);
  if ("error" in query) return query.error;
  const q = query.data;
  const scope = resolveScope(q);
  const result =
    q.figure === "cohort"
      ? await drillCohort(db, scope, q.cohort, q.age)
      : q.figure === "reasons"
        ? await drillReasons(db, scope, q.category, q.month)
        : await drillMonth(db, scope, q.figure, q.month);
  return json(result);
}
