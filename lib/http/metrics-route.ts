// The read API's handlers share one shape: who may read, the §5 query parameters, one report,
// as JSON or, with `format=csv`, as the CSV the charts download.
import "server-only";
import { getDb } from "@/db/client";
import { withApiKey } from "@/lib/auth/route";
import { answerMetrics, type MetricsEndpoint } from "./metrics-answer";

export function metricsRoute<R>(endpoint: MetricsEndpoint<R>) {
  // Signed-in staff, or an API key with the read scope.
  return withApiKey("read", async (request) => answerMetrics(request, await getDb(), endpoint), "cs");
}
