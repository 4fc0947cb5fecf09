// GET /api/v1/metrics/overview — see docs/api.md; add format=csv for the chart's CSV download.
import { overviewEndpoint } from "@/lib/http/metrics-endpoints";
import { metricsRoute } from "@/lib/http/metrics-route";

export const GET = metricsRoute(overviewEndpoint);
