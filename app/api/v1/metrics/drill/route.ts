// GET /api/v1/metrics/drill — the accounts behind one figure (a churn month figure, a cohort cell
// or a reason bar), for the charts' drill-through lists.
import { getDb } from "@/db/client";
import { drillCohort, drillMonth, drillReasons } from "@/db/queries/drill";
import { withUser } from "@/lib/auth/route";
import { json } from "@/lib/http/problem";
import { parseQuery } from "@/lib/http/query";
import { drillSchema } from "@/lib/validation/drill";
import { resolveScope } from "@/lib/validation/metrics";

export const GET = withUser("cs", async (request) => {
  const query = parseQuery(request, drillSchema);
  if ("error" in query) return query.error;
  const q = query.data;
  const scope = resolveScope(q);
  const db = await getDb();
  const result =
    q.figure === "cohort"
      ? await drillCohort(db, scope, q.cohort, q.age)
      : q.figure === "reasons"
        ? await drillReasons(db, scope, q.category, q.month)
        : await drillMonth(db, scope, q.figure, q.month);
  return json(result);
});
