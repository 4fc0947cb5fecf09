// GET /api/v1/metrics/overview — customers and MRR at asOf (the churn months arrive with the analytics).
import { getDb } from "@/db/client";
import { customersAt } from "@/db/queries/customers";
import { withUser } from "@/lib/auth/route";
import { json } from "@/lib/http/problem";
import { parseQuery } from "@/lib/http/query";
import { overviewQuerySchema } from "@/lib/validation/metrics";

export const GET = withUser("cs", async (request) => {
  const query = parseQuery(request, overviewQuerySchema);
  if ("error" in query) return query.error;
  const asOf = query.data.asOf ?? new Date();
  const now = await customersAt(await getDb(), asOf, query.data);
  return json({ asOf: asOf.toISOString(), customers: now.customers, mrrCents: now.mrrCents });
});
