// GET /api/v1/metrics/reasons — see docs/api.md; add format=csv for the chart's CSV download.
import { reasonsEndpoint } from "@/lib/http/metrics-endpoints";
import { metricsRoute } from "@/lib/http/metrics-route";

export const GET = metricsRoute(reasonsEndpoint);
