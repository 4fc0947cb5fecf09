// Answers GET /api/v1/metrics/reasons/verbatims on a given database: one page of answers in the
// customers' words under the reasons report's filters.
import type { Db } from "@/db/client";
import { listVerbatims } from "@/db/queries/verbatims";
import { resolveScope } from "@/lib/metrics/scope";
import { verbatimsQuerySchema } from "@/lib/validation/verbatims";
import { json } from "./problem";
import { parseQuery } from "./query";

export async function answerVerbatims(request: Request, db: Db): Promise<Response> {
  const query = parseQuery(request, verbatimsQuerySchema);
  if ("error" in query) return query.error;
  const { category, q, page, ...filters } = query.data;
  return json(await listVerbatims(db, resolveScope(filters), { category, q, page: page ?? 1 }));
}
