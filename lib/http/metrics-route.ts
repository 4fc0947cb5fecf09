// The read API's handlers share one shape: who may read, the §5 query parameters, one report,
// as JSON or, with `format=csv`, as the CSV the charts download.
import "server-only";
import { getDb } from "@/db/client";
import { withUser } from "@/lib/auth/route";
import { answerMetrics, type MetricsEndpoint } from "./metrics-answer";

export function metricsRoute<R>(endpoint: MetricsEndpoint<R>) {
  return withUser("cs", async (request) => answerMetrics(request, await getDb(), endpoint));
}


