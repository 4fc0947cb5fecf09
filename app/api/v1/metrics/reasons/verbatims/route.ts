// GET /api/v1/metrics/reasons/verbatims — see docs/api.md: the reasons report's answers, a page at a time.
import { getDb } from "@/db/client";
import { withApiKey } from "@/lib/auth/route";
import { answerVerbatims } from "@/lib/http/verbatims-answer";

// Signed-in staff, or an API key with the read scope, as the other read-API routes.
export const GET = withApiKey("read", async (request) => answerVerbatims(request, await getDb()), "cs");
